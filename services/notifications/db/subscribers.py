"""Outside subscribers: their subscriptions, and the log of every published event they may
replay (kept `event_retention_days`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Integer,
    String,
    Table,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.statements import built_once, dialect_of, insert_ignoring_duplicates
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.notifications.db.tables import ID, metadata
from services.notifications.domain.subscribers import LoggedEvent, SystemSubscription

system_subscriptions = Table(
    "system_subscriptions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("url", String(500), nullable=False),
    Column("secret", String(100), nullable=False),
    Column("event_types", JSON, nullable=False),
    Column("areas", JSON, nullable=False),
    Column("personal_data", Boolean, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_by", String(ID), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
event_log = Table(
    "event_log",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("event_id", String(ID), nullable=False, unique=True),
    Column("source", String(40), nullable=False),
    Column("event_type", String(60), nullable=False),
    Column("version", Integer, nullable=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("correlation_id", String(100)),
    Column("area_code", String(8), index=True),
    Column("data", JSON, nullable=False),
    Column("personal", JSON, nullable=False),
    Column("logged_at", UtcDateTime, nullable=False, index=True),
)
# One row: the highest cursor pruned so far. A replay from an earlier cursor would miss events.
event_log_pruned = Table(
    "event_log_pruned",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("through_seq", BigInteger().with_variant(Integer, "sqlite"), nullable=False),
)


@dataclass(frozen=True)
class EventFilter:
    """Events of these types (empty: any), in one of these areas (empty: anywhere) and within
    `area` (None: anywhere), logged by `until`."""

    event_types: tuple[str, ...]
    areas: tuple[str, ...]
    area: str | None
    until: datetime


class SubscriptionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, subscription: SystemSubscription) -> None:
        self.session.execute(system_subscriptions.insert().values(_row(subscription)))

    def get(self, subscription_id: str) -> SystemSubscription | None:
        query = select(system_subscriptions).where(system_subscriptions.c.id == subscription_id)
        row = self.session.execute(query).first()
        return None if row is None else _subscription(row)

    def active(self) -> list[SystemSubscription]:
        return [_subscription(row) for row in self.session.execute(_ACTIVE_SUBSCRIPTIONS)]

    def listed(self, after: str | None, limit: int) -> Page[SystemSubscription]:
        keys = [system_subscriptions.c.created_at, system_subscriptions.c.id]
        query = keyset(select(system_subscriptions), keys, after, limit)
        rows = self.session.execute(query).all()
        items, cursor = page(rows, limit, lambda r: (r.created_at, r.id))
        return Page([_subscription(row) for row in items], cursor)

    def save(self, subscription: SystemSubscription) -> None:
        save_versioned(self.session, system_subscriptions, "id", _row(subscription))

    def remove(self, subscription_id: str) -> None:
        table = system_subscriptions
        self.session.execute(delete(table).where(table.c.id == subscription_id))


_ACTIVE_SUBSCRIPTIONS = select(system_subscriptions).where(system_subscriptions.c.active.is_(True))


class EventLogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, event: LoggedEvent) -> LoggedEvent | None:
        """The event with its cursor; None when it was already logged (a duplicate)."""
        values = {f.name: getattr(event, f.name) for f in fields(event) if f.name != "cursor"}
        values["personal"] = list(event.personal)
        row = self.session.execute(self._logging(), values).first()
        return None if row is None else _event(row)

    def _logging(self) -> Any:
        """The insert that answers with the logged row (none for a duplicate), built once per
        dialect: every published event runs it."""
        session = self.session
        return built_once(
            ("event log insert", dialect_of(session)),
            lambda: insert_ignoring_duplicates(session, event_log).returning(*event_log.c),
        )

    def get(self, event_id: str) -> LoggedEvent | None:
        query = select(event_log).where(event_log.c.event_id == event_id)
        row = self.session.execute(query).first()
        return None if row is None else _event(row)

    def since(self, filters: EventFilter, after: int, limit: int) -> list[LoggedEvent]:
        query = select(event_log).where(event_log.c.seq > after)
        query = query.where(event_log.c.logged_at <= filters.until)
        if filters.event_types:
            query = query.where(event_log.c.event_type.in_(filters.event_types))
        if filters.areas:
            query = query.where(or_(*(event_log.c.area_code.startswith(a) for a in filters.areas)))
        if filters.area:
            query = query.where(event_log.c.area_code.startswith(filters.area))
        query = query.order_by(event_log.c.seq).limit(limit + 1)
        return [_event(row) for row in self.session.execute(query)]

    def prune(self, before: datetime) -> int:
        """Delete the events logged before `before`, and remember the highest cursor deleted."""
        old = event_log.c.logged_at < before
        through = self.session.execute(select(func.max(event_log.c.seq)).where(old)).scalar()
        if through is None:
            return 0
        mark = insert_ignoring_duplicates(self.session, event_log_pruned)
        self.session.execute(mark.values(id=1, through_seq=through))
        higher = event_log_pruned.c.through_seq < through  # two pruners at once keep the higher
        self.session.execute(update(event_log_pruned).where(higher).values(through_seq=through))
        return self.session.execute(delete(event_log).where(old)).rowcount

    def pruned_through(self) -> int:
        """The highest cursor pruned so far (0: none)."""
        query = select(event_log_pruned.c.through_seq).where(event_log_pruned.c.id == 1)
        return self.session.execute(query).scalar() or 0


def _row(subscription: SystemSubscription) -> dict[str, Any]:
    values = {f.name: getattr(subscription, f.name) for f in fields(subscription)}
    return {**values, "event_types": list(values["event_types"]), "areas": list(values["areas"])}


def _subscription(row: Any) -> SystemSubscription:
    values = dict(row._mapping)
    values["event_types"] = tuple(values["event_types"])
    values["areas"] = tuple(values["areas"])
    return SystemSubscription(**values)


def _event(row: Any) -> LoggedEvent:
    values = dict(row._mapping)
    values["cursor"], values["personal"] = values.pop("seq"), tuple(values["personal"])
    return LoggedEvent(**values)
