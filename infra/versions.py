"""Optimistic versions: a change names the version it was made against (`expected_version`, which
the gateway fills from If-Match) and is refused when the object has moved on since."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, Update, bindparam, update
from sqlalchemy.orm import Session

from infra.errors import PreconditionFailed
from infra.statements import built_once


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
    found = {f"_key_{k}": values[k] for k in keys}
    found["_version_before"] = values["version"] - 1
    changed = session.execute(_versioned_update(table, keys), {**values, **found})
    if changed.rowcount != 1:
        raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")


def _versioned_update(table: Table, keys: tuple[str, ...]) -> Update:
    """The update of one row at the version before, built once per table: the columns it sets
    are the keys of the parameters it is executed with (a case's save runs it on every change)."""

    def build() -> Update:
        where = [table.c[k] == bindparam(f"_key_{k}") for k in keys]
        where.append(table.c.version == bindparam("_version_before"))
        return update(table).where(*where)

    return built_once(("versioned update", table, keys), build)
