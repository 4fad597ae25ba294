"""Statements every service builds alike: inserts that say what to do with a row already there
(PostgreSQL's and SQLite's own INSERT, which take ON CONFLICT), and statements built once.

SQLAlchemy caches a statement's compiled SQL, but building the statement object itself (an insert
with its ON CONFLICT, an update with its WHERE) costs Python time on every call: a hot path (every
event, every change of a case) builds its statement once per key here and reuses it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

Built = TypeVar("Built")
_BUILT: dict[Hashable, Any] = {}


def conflict_insert(session: Session, table: Table) -> Any:
    """The INSERT of the session's database, which takes `on_conflict_do_nothing/_do_update`."""
    return (postgresql if dialect_of(session) == "postgresql" else sqlite).insert(table)


def insert_ignoring_duplicates(session: Session, table: Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING: rowcount 0 tells that the row was already there."""
    return conflict_insert(session, table).on_conflict_do_nothing()


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def built_once(key: Hashable, build: Callable[[], Built]) -> Built:
    """The statement built for `key` (name the statement, its table, its dialect), built on the
    first call."""
    try:
        return _BUILT[key]  # type: ignore[no-any-return]
    except KeyError:
        statement = _BUILT[key] = build()
        return statement
