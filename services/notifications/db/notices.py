"""The in-app inbox and the delivery log."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.statements import insert_ignoring_duplicates
from services.notifications.db.tables import deliveries, notifications
from services.notifications.domain.notices import Delivery, Notification


@dataclass(frozen=True)
class DeliveryFilter:
    """Deliveries with these values (None: any)."""

    status: str | None = None
    channel: str | None = None
    recipient_id: str | None = None
    notification_id: str | None = None


class NotificationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, notification: Notification) -> bool:
        """False when this recipient already has this notification (a duplicate event)."""
        statement = insert_ignoring_duplicates(self.session, notifications)
        return self.session.execute(statement.values(asdict(notification))).rowcount == 1

    def get(self, notification_id: str) -> Notification | None:
        query = select(notifications).where(notifications.c.id == notification_id)
        row = self.session.execute(query).first()
        return None if row is None else Notification(**row._mapping)

    def inbox(
        self, recipient_id: str, unread_only: bool, after: str | None, limit: int
    ) -> Page[Notification]:
        query = select(notifications).where(notifications.c.recipient_id == recipient_id)
        if unread_only:
            query = query.where(notifications.c.read_at.is_(None))
        keys = [notifications.c.created_at, notifications.c.id]
        rows = self.session.execute(keyset(query, keys, after, limit, descending=True)).all()
        items, cursor = page(rows, limit, lambda r: (r.created_at, r.id))
        return Page([Notification(**row._mapping) for row in items], cursor)

    def unread_count(self, recipient_id: str) -> int:
        query = select(func.count()).where(
            notifications.c.recipient_id == recipient_id, notifications.c.read_at.is_(None)
        )
        return int(self.session.scalar(query) or 0)

    def mark_read(self, recipient_id: str, now: datetime, notification_id: str | None) -> int:
        statement = update(notifications).where(
            notifications.c.recipient_id == recipient_id, notifications.c.read_at.is_(None)
        )
        if notification_id is not None:
            statement = statement.where(notifications.c.id == notification_id)
        return self.session.execute(statement.values(read_at=now)).rowcount

    def filed_between(
        self, recipient_id: str, start: datetime, end: datetime
    ) -> list[Notification]:
        query = (
            select(notifications)
            .where(
                notifications.c.recipient_id == recipient_id,
                notifications.c.created_at >= start,
                notifications.c.created_at < end,
                notifications.c.kind != "digest",
            )
            .order_by(notifications.c.created_at, notifications.c.id)
        )
        return [Notification(**row._mapping) for row in self.session.execute(query)]


class DeliveryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, delivery: Delivery) -> bool:
        """False when this (event, recipient, channel) was already queued."""
        statement = insert_ignoring_duplicates(self.session, deliveries)
        return self.session.execute(statement.values(asdict(delivery))).rowcount == 1

    def get(self, delivery_id: str) -> Delivery | None:
        row = self.session.execute(select(deliveries).where(deliveries.c.id == delivery_id)).first()
        return None if row is None else _delivery(row)

    def due(self, now: datetime, limit: int) -> list[Delivery]:
        query = (
            select(deliveries)
            .where(
                deliveries.c.status == "pending",
                deliveries.c.next_attempt_at <= now,
                or_(deliveries.c.claimed_until.is_(None), deliveries.c.claimed_until <= now),
            )
            .order_by(deliveries.c.next_attempt_at)
            .limit(limit)
        )
        return [_delivery(row) for row in self.session.execute(query)]

    def claim(self, delivery: Delivery, now: datetime, lease: timedelta) -> bool:
        """Take the delivery for one sender: among replicas racing for it, one wins."""
        free = or_(deliveries.c.claimed_until.is_(None), deliveries.c.claimed_until <= now)
        statement = (
            update(deliveries)
            .where(and_(deliveries.c.id == delivery.id, deliveries.c.status == "pending", free))
            .values(claimed_until=now + lease)
        )
        return self.session.execute(statement).rowcount == 1

    def save(self, delivery: Delivery) -> None:
        values = {f.name: getattr(delivery, f.name) for f in fields(delivery) if f.name != "id"}
        statement = update(deliveries).where(deliveries.c.id == delivery.id)
        self.session.execute(statement.values(**values, claimed_until=None))

    def drop_pending(self, recipient_id: str, channel: str) -> None:
        statement = delete(deliveries).where(
            deliveries.c.recipient_id == recipient_id,
            deliveries.c.channel == channel,
            deliveries.c.status == "pending",
        )
        self.session.execute(statement)

    def log(self, filters: DeliveryFilter, after: str | None, limit: int) -> Page[Delivery]:
        query: Select[Any] = select(deliveries)
        for field in fields(filters):
            if value := getattr(filters, field.name):
                query = query.where(deliveries.c[field.name] == value)
        keys = [deliveries.c.created_at, deliveries.c.id]
        rows = self.session.execute(keyset(query, keys, after, limit, descending=True)).all()
        items, cursor = page(rows, limit, lambda r: (r.created_at, r.id))
        return Page([_delivery(row) for row in items], cursor)


def _delivery(row: Any) -> Delivery:
    values = dict(row._mapping)
    values.pop("claimed_until")
    return Delivery(**values)
