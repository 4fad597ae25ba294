"""Optimistic versions: a change names the version it was made against (`expected_version`, which
the gateway fills from If-Match) and is refused when the object has moved on since."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from infra.errors import PreconditionFailed


def require_version(current: int, expected: int | None, what: str) -> None:
    """Refuse (412, with the current version) a change made against another version than
    `current`; `None` asks for no check (whether If-Match is required is the gateway's)."""
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"the {what} was changed since you read it", current_version=current
        )


def save_versioned(
    session: Session, table: Table, key: str | tuple[str, ...], values: dict[str, Any]
) -> None:
    """Write a changed object, one convention everywhere: the domain gives the changed object its
    new version (the one it was loaded with, plus one), and the row is updated only while it
    still holds the version before that; anything committed in between makes this a 412, never a
    lost update. `key` names the row's key column (or columns) in `values`."""
    keys = (key,) if isinstance(key, str) else key
    changed = session.execute(
        update(table)
        .where(*(table.c[k] == values[k] for k in keys), table.c.version == values["version"] - 1)
        .values(**values)
    )
    if changed.rowcount != 1:
        raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
