"""Many rows in one `executemany` on SQLite, without SQLAlchemy's per-row work.

An `executemany` through SQLAlchemy builds and processes each row's parameters one by one; a
sheet's 40 ledger rows and 40 updated rows cost more that way than SQLite takes to write them.
Here the SQL is made once per table and column list, and each column's own bind processor (UTC
for times, ISO text for dates) converts the values before the driver's `executemany`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Rows = list[dict[str, Any]]
Convert = Callable[[Any], Any] | None


def insert_rows(session: Session, table: Table, rows: Rows) -> None:
    names = tuple(rows[0])
    sql, converters = _insert(table, names, session.get_bind().dialect)
    _run(session, sql, names, converters, rows)


def update_rows(session: Session, table: Table, keys: tuple[str, ...], rows: Rows) -> None:
    names = tuple(name for name in rows[0] if name not in keys) + keys
    sql, converters = _update(table, names, keys, session.get_bind().dialect)
    _run(session, sql, names, converters, rows)


def defaults_missing(table: Table, names: Any) -> bool:
    """Whether an insert of these columns leaves out one with a default made in Python."""
    return any(c.default is not None and c.name not in names for c in table.columns)


def _run(session: Session, sql: str, names: tuple[str, ...], converters: Any, rows: Rows) -> None:
    pairs = list(zip(names, converters, strict=True))
    params = [
        tuple(convert(row[name]) if convert else row[name] for name, convert in pairs)
        for row in rows
    ]
    session.connection().exec_driver_sql(sql, params)


@cache
def _insert(table: Table, names: tuple[str, ...], dialect: Dialect) -> tuple[str, list[Convert]]:
    q = dialect.identifier_preparer.quote
    columns = ", ".join(q(name) for name in names)
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {q(table.name)} ({columns}) VALUES ({marks})"
    return sql, _converters(table, names, dialect)


@cache
def _update(
    table: Table, names: tuple[str, ...], keys: tuple[str, ...], dialect: Dialect
) -> tuple[str, list[Convert]]:
    q = dialect.identifier_preparer.quote
    sets = ", ".join(f"{q(name)} = ?" for name in names if name not in keys)
    where = " AND ".join(f"{q(key)} = ?" for key in keys)
    sql = f"UPDATE {q(table.name)} SET {sets} WHERE {where}"
    return sql, _converters(table, names, dialect)


def _converters(table: Table, names: tuple[str, ...], dialect: Dialect) -> list[Convert]:
    return [table.c[name].type.bind_processor(dialect) for name in names]
