"""What the teams repositories share: optimistic version checks, and whom a list is for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from infra.errors import PreconditionFailed


def save_versioned(
    session: Session, table: Table, key: str | tuple[str, ...], values: dict[str, Any]
) -> None:
    """Update the row (by `key`, one column or several) whose version is one less than
    `values["version"]`, or refuse (412)."""
    keys = (key,) if isinstance(key, str) else key
    changed = session.execute(
        update(table)
        .where(*(table.c[k] == values[k] for k in keys), table.c.version == values["version"] - 1)
        .values(**values)
    )
    if changed.rowcount != 1:
        raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")


@dataclass(frozen=True)
class Reach:
    """Whom a list is read for: everything (`areas` None), or what touches one of `areas`, and
    what the person belongs to (each repository says what belonging is)."""

    areas: tuple[str, ...] | None
    person_id: str
