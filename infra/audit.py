"""The audit trail: who changed what, when, why, written in the transaction of the change.

Every service database that keeps one carries an `audit_entries` table. An entry names the
object (type and id), the area it lies in (a DOPA code, for searches per area), the action, the
actor, the time, the changed fields as `{field: [old, new]}` (JSON), the reason where one was
given and the request's correlation id. Entries are only ever inserted: the repository has no
way to change or remove one."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Index,
    MetaData,
    String,
    Table,
    Text,
    and_,
    insert,
    or_,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.tables import BigId, UtcDateTime


def add_audit_table(metadata: MetaData) -> Table:
    table = Table(
        "audit_entries",
        metadata,
        Column("id", BigId, primary_key=True, autoincrement=True),
        Column("object_type", String(40), nullable=False),
        Column("object_id", String(64), nullable=False),
        Column("area_code", String(8), nullable=False),
        Column("action", String(40), nullable=False),
        Column("actor_id", String(64), nullable=False),
        Column("at", UtcDateTime, nullable=False),
        Column("changes", Text, nullable=False),
        Column("reason", Text),
        Column("correlation_id", String(64)),
    )
    Index("ix_audit_entries_object", table.c.object_type, table.c.object_id, table.c.at)
    Index("ix_audit_entries_area", table.c.area_code, table.c.at)
    return table


@dataclass(frozen=True)
class AuditEntry:
    id: int
    object_type: str
    object_id: str
    area_code: str
    action: str
    actor_id: str
    at: datetime
    changes: dict[str, Any]
    reason: str | None
    correlation_id: str | None


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """`{field: [old, new]}` for the fields whose value differs (a field missing is None)."""
    fields = list(before) + [name for name in after if name not in before]
    pairs = {name: [before.get(name), after.get(name)] for name in fields}
    return {name: pair for name, pair in pairs.items() if pair[0] != pair[1]}


def area_of(codes: Iterable[str]) -> str:
    """The one area code that holds all of these (their common prefix), padded to 8 digits so
    that a search by any area above it finds it; "" for none (found by administrators only)."""
    prefix = os.path.commonprefix(list(codes))
    return prefix.ljust(8, "0") if prefix else ""


def _no_correlation() -> str | None:
    return None


class AuditTrail:
    """The audit entries of one database: `record` in a change's transaction, and two reads."""

    def __init__(
        self,
        session: Session,
        table: Table,
        correlation_id: Callable[[], str | None] = _no_correlation,
    ) -> None:
        self.session = session
        self.table = table
        self._correlation_id = correlation_id

    def record(
        self,
        *,
        object_type: str,
        object_id: str,
        area_code: str,
        action: str,
        actor_id: str,
        at: datetime,
        changed: dict[str, Any],
        reason: str | None = None,
    ) -> None:
        row = {
            "object_type": object_type,
            "object_id": object_id,
            "area_code": area_code,
            "action": action,
            "actor_id": actor_id,
            "at": at,
            "changes": json.dumps(changed, ensure_ascii=False, default=str, sort_keys=True),
            "reason": reason,
            "correlation_id": self._correlation_id(),
        }
        self.session.execute(insert(self.table), [row])

    def history(
        self, object_type: str, object_id: str, after: str | None, limit: int
    ) -> Page[AuditEntry]:
        """An object's entries, newest first."""
        t = self.table
        where = and_(t.c.object_type == object_type, t.c.object_id == object_id)
        return self._page(where, after, limit)

    def search(
        self,
        areas: Sequence[str],
        since: datetime,
        until: datetime,
        after: str | None,
        limit: int,
        object_type: str | None = None,
    ) -> Page[AuditEntry]:
        """Entries in these areas (DOPA code prefixes; none: everywhere) at `since` <= at <
        `until`, of one kind of object or all, newest first."""
        t = self.table
        where = and_(t.c.at >= since, t.c.at < until)
        if object_type is not None:
            where = and_(where, t.c.object_type == object_type)
        if areas:
            where = and_(where, or_(*(_within(t.c.area_code, code) for code in areas)))
        return self._page(where, after, limit)

    def _page(self, where: ColumnElement[bool], after: str | None, limit: int) -> Page[AuditEntry]:
        t = self.table
        statement = keyset(select(t).where(where), [t.c.at, t.c.id], after, limit, descending=True)
        rows = [_entry(row) for row in self.session.execute(statement)]
        return page(rows, limit, lambda e: (e.at, e.id))


def _within(column: Any, code: str) -> ColumnElement[bool]:
    return and_(column >= code.ljust(8, "0"), column <= code.ljust(8, "9"))


def _entry(row: Any) -> AuditEntry:
    values = dict(row._mapping)
    values["changes"] = json.loads(values["changes"])
    return AuditEntry(**values)
