"""Escalations and the people each is addressed to."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, insert, select
from sqlalchemy.orm import Session

from infra.caller import Caller
from infra.metrics_collector import GaugeQuery
from infra.pagination import Page, keyset, page
from infra.reach import any_of, inside
from infra.statements import insert_ignoring_duplicates
from infra.versions import save_versioned
from services.notifications.db.tables import escalation_recipients as recipients
from services.notifications.db.tables import escalations
from services.notifications.domain.escalation import TOP, Escalation

_COLUMNS = [f.name for f in fields(Escalation) if f.init]


# built once: every event that may close an escalation looks for the active one
_ACTIVE = select(escalations).where(escalations.c.active_key == bindparam("key"))


@dataclass(frozen=True)
class EscalationFilter:
    """Announced escalations with these values (None or empty: any); `mine`: only those
    addressed to the caller."""

    status: tuple[str, ...] = ()
    kind: str | None = None
    area_code: str | None = None
    level: int | None = None
    mine: bool = False


class EscalationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, escalation: Escalation) -> None:
        self.session.execute(insert(escalations).values(_row(escalation)))
        escalation.stored_version = escalation.version

    def get(self, escalation_id: str) -> Escalation | None:
        return self._one(select(escalations).where(escalations.c.id == escalation_id))

    def active(self, kind: str, subject_id: str) -> Escalation | None:
        row = self.session.execute(_ACTIVE, {"key": f"{kind}:{subject_id}"}).first()
        return None if row is None else _escalation(row)

    def save(self, escalation: Escalation) -> None:
        """Write the change (its version one more than loaded) unless someone else changed the
        escalation since it was loaded (`PreconditionFailed`)."""
        save_versioned(self.session, escalations, "id", _row(escalation))
        escalation.stored_version = escalation.version

    def waiting_until(self, now: datetime, limit: int) -> list[str]:
        query = select(escalations.c.id).where(
            escalations.c.status == "waiting", escalations.c.opens_at <= now
        )
        return list(self.session.scalars(query.order_by(escalations.c.opens_at).limit(limit)))

    def open_below_top(self, since_before: datetime, limit: int) -> list[str]:
        query = select(escalations.c.id).where(
            escalations.c.status == "open",
            escalations.c.level < int(TOP),
            escalations.c.level_since <= since_before,
        )
        return list(self.session.scalars(query.order_by(escalations.c.level_since).limit(limit)))

    def address(self, escalation_id: str, person_ids: list[str], level: int) -> None:
        statement = insert_ignoring_duplicates(self.session, recipients)
        for person_id in person_ids:
            self.session.execute(
                statement.values(escalation_id=escalation_id, person_id=person_id, level=level)
            )

    def addressees(self, escalation_id: str) -> list[str]:
        query = select(recipients.c.person_id).where(recipients.c.escalation_id == escalation_id)
        return list(
            self.session.scalars(query.order_by(recipients.c.level, recipients.c.person_id))
        )

    def visible(
        self, caller: Caller, filters: EscalationFilter, after: str | None, limit: int
    ) -> Page[Escalation]:
        query = _filtered(select(escalations), filters, caller)
        keys = [escalations.c.opens_at, escalations.c.id]
        rows = self.session.execute(keyset(query, keys, after, limit, descending=True)).all()
        items, cursor = page(rows, limit, lambda r: (r.opens_at, r.id))
        return Page([_escalation(row) for row in items], cursor)

    def _one(self, query: Select[Any]) -> Escalation | None:
        row = self.session.execute(query).first()
        return None if row is None else _escalation(row)


def _filtered(query: Select[Any], filters: EscalationFilter, caller: Caller) -> Select[Any]:
    addressed = escalations.c.id.in_(
        select(recipients.c.escalation_id).where(recipients.c.person_id == caller.person_id)
    )
    if filters.mine:
        query = query.where(addressed)
    elif not caller.is_admin:
        query = query.where(any_of([addressed, inside(escalations.c.area_code, caller.areas)]))
    if filters.status:
        query = query.where(escalations.c.status.in_(filters.status))
    if filters.kind:
        query = query.where(escalations.c.kind == filters.kind)
    if filters.area_code:
        query = query.where(escalations.c.area_code.startswith(filters.area_code))
    if filters.level is not None:
        query = query.where(escalations.c.level == filters.level)
    return query.where(escalations.c.status != "waiting")  # not announced yet: nobody's concern


def _row(escalation: Escalation) -> dict[str, Any]:
    row = {name: getattr(escalation, name) for name in _COLUMNS}
    row["active_key"] = escalation.active_key
    return row


def _escalation(row: Any) -> Escalation:
    values = dict(row._mapping)
    values.pop("active_key")
    return Escalation(**values)


# Read when /metrics is scraped (infra.metrics_collector): escalations opened and not yet
# resolved, by level (the status index keeps it cheap).
OPEN_BY_LEVEL = GaugeQuery(
    "smile_escalations_open",
    "Escalations opened and not yet resolved (open or acknowledged), by level",
    "level",
    select(escalations.c.level, func.count())
    .where(escalations.c.status.in_(("open", "acknowledged")))
    .group_by(escalations.c.level),
)
