"""Writing many rows in one statement.

psycopg2 runs an `executemany` as a round trip per row, and SQLAlchemy's multi-row forms cost
more to build than to run; so on PostgreSQL the rows travel as arrays, one per column, unpacked
by `unnest` in a single INSERT or UPDATE. SQLite, in-process, takes the driver's `executemany`
(`bulk_sqlite`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, TypeDecorator, and_, bindparam, insert, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from services.funding.db import bulk_sqlite

Rows = list[dict[str, Any]]


def insert_many(session: Session, table: Table, rows: Rows) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name == "sqlite" and not bulk_sqlite.defaults_missing(table, rows[0]):
        bulk_sqlite.insert_rows(session, table, rows)
        return
    if dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    names = list(rows[0])
    q = dialect.identifier_preparer.quote
    columns = ", ".join(q(n) for n in names)
    given = _unnest(table, names, dialect)
    statement = f"INSERT INTO {q(table.name)} ({columns}) SELECT * FROM {given}"
    session.execute(text(statement), _arrays(table, names, rows, dialect))


def update_many(session: Session, table: Table, keys: tuple[str, ...], rows: Rows) -> None:
    """Set each row's other columns on the row its `keys` name; all rows have the same columns."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name == "sqlite":
        bulk_sqlite.update_rows(session, table, keys, rows)
        return
    names = list(rows[0])
    changed = [name for name in names if name not in keys]
    if dialect.name != "postgresql":
        session.execute(
            update(table)
            .where(and_(*(table.c[k] == bindparam(f"b_{k}") for k in keys)))
            .values({n: bindparam(f"b_{n}") for n in changed}),
            [{f"b_{n}": row[n] for n in names} for row in rows],
        )
        return
    q = dialect.identifier_preparer.quote
    sets = ", ".join(f"{q(n)} = given.{q(n)}" for n in changed)
    where = " AND ".join(f"{q(table.name)}.{q(k)} = given.{q(k)}" for k in keys)
    statement = (
        f"UPDATE {q(table.name)} SET {sets} FROM {_unnest(table, names, dialect)} WHERE {where}"
    )
    session.execute(text(statement), _arrays(table, names, rows, dialect))


def _unnest(table: Table, names: list[str], dialect: Dialect) -> str:
    """`unnest` of one typed array per column (a list of NULLs would otherwise be untyped)."""
    q = dialect.identifier_preparer.quote
    arrays = ", ".join(f"CAST(:{n} AS {_sql_type(table, n, dialect)}[])" for n in names)
    return f"unnest({arrays}) AS given({', '.join(q(n) for n in names)})"


def _sql_type(table: Table, name: str, dialect: Dialect) -> str:
    column_type = table.c[name].type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl
    return column_type.compile(dialect=dialect)


def _arrays(table: Table, names: list[str], rows: Rows, dialect: Dialect) -> dict[str, list]:
    """One list per column, through each column type's own conversion (UTC for times)."""
    arrays = {}
    for name in names:
        column_type = table.c[name].type
        convert = column_type.process_bind_param if isinstance(column_type, TypeDecorator) else None
        arrays[name] = [convert(r[name], dialect) if convert else r[name] for r in rows]
    return arrays
