"""Is a database's schema at the head of its service's Alembic history? Read by the readiness
probe: a process whose database was not migrated (or was restored from an older backup) is not
ready. The heads come from the migration files once per process; each probe then reads only the
`alembic_version` row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from infra.migrate import alembic_config, databases

_HEADS: dict[str, frozenset[str]] = {}


def head_revisions(config: dict[str, Any], service: str) -> frozenset[str]:
    if service not in _HEADS:
        scripts = ScriptDirectory.from_config(alembic_config(config, service))
        _HEADS[service] = frozenset(scripts.get_heads())
    return _HEADS[service]


def owns_database(config: dict[str, Any], service: str) -> bool:
    return "SERVICES" in config and service in databases(config)


def current_revisions(engine: Engine) -> frozenset[str]:
    """The revisions stamped in the database (empty when it was never migrated). SQLite is read
    on a fresh connection that may not create the file, as the readiness probe reads it."""
    query = "SELECT version_num FROM alembic_version"
    if engine.dialect.name == "sqlite":
        return _sqlite_revisions(engine.url.database, query)
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return frozenset()
        return frozenset(connection.execute(text(query)).scalars())


def _sqlite_revisions(database: str | None, query: str) -> frozenset[str]:
    if not database or database == ":memory:":
        return frozenset()
    uri = f"{Path(database).absolute().as_uri()}?mode=rw"
    connection = sqlite3.connect(uri, uri=True, timeout=1)
    try:
        return frozenset(row[0] for row in connection.execute(query))
    except sqlite3.OperationalError:  # no alembic_version table: never migrated
        return frozenset()
    finally:
        connection.close()


def at_head(engine: Engine, config: dict[str, Any], service: str) -> bool:
    return current_revisions(engine) == head_revisions(config, service)
