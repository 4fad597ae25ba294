"""Every stored row of every database of a running system, to tell whether requests changed any.

Messaging and request bookkeeping (outbox, inbox, idempotency keys, token revocations, Alembic's
version) is left out: it may move while the system answers, without any object changing.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import create_engine, inspect, select, text

from infra.config import database_url, load_config
from infra.migrate import databases

BOOKKEEPING = {"outbox", "inbox", "idempotency_keys", "revocations", "alembic_version"}


def stored_rows(env: dict[str, str]) -> dict[str, str]:
    """A digest of each table's rows, by `service.table`."""
    digests = {}
    for service in databases(load_config()):
        engine = create_engine(database_of(env, service))
        try:
            with engine.connect() as connection:
                for table in inspect(connection).get_table_names():
                    if table not in BOOKKEEPING:
                        digests[f"{service}.{table}"] = _digest(connection, table)
        finally:
            engine.dispose()
    return digests


def database_of(env: dict[str, str], service: str) -> str:
    """The URL of `service`'s database in the system that runs with `env`."""
    sqlite = f"sqlite:///{env['DATA_DIR']}/{{service}}.sqlite"
    return database_url({"DATABASE_URL": env.get("DATABASE_URL") or sqlite}, service)


def _digest(connection, table: str) -> str:
    rows = connection.execute(select(text("*")).select_from(text(f'"{table}"'))).all()
    lines = sorted(repr(tuple(_plain(value) for value in row)) for row in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: object) -> object:
    """psycopg2 reads binary columns as memoryview, whose repr is its address."""
    return bytes(value) if isinstance(value, memoryview) else value
