"""Database engines: SQLite files for the embedded default, PostgreSQL by URL.

Under eventlet, psycopg2 is made cooperative with psycogreen so a query never blocks the other
workers. Statement parameters are never put in error messages (they may hold national IDs or
incomes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
)


# libpq's defaults wait forever for a server that does not answer and never notice a peer that
# vanished: a connection attempt gives up after 10 s (libpq enforces it in blocking connects: the
# migrations and command-line tools; the services' green connects wait cooperatively), and a
# connection idle for 30 s is probed (3 probes, 10 s apart), so a vanished database is noticed.
# A database URL's own query parameters (`?connect_timeout=3`) take precedence.
POSTGRES_CONNECTION = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def make_engine(url: str, *, green: bool = False, pool_size: int = 10) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if green and parsed.get_driver_name() in ("psycopg2", ""):
        from psycogreen.eventlet import patch_psycopg

        patch_psycopg()
    # sqlalchemy.create_engine looked up at each call: tracing (infra.tracing) wraps it at start-up
    return sqlalchemy.create_engine(
        url,
        hide_parameters=True,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        connect_args={k: v for k, v in POSTGRES_CONNECTION.items() if k not in parsed.query},
    )


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = sqlalchemy.create_engine(url, hide_parameters=True, connect_args={"timeout": 10})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    return engine
