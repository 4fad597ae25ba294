"""Per-test databases: SQLite files, or throw-away PostgreSQL databases dropped afterwards."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

POSTGRES_SERVER = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432"
)


def sqlite_template(directory: Path) -> str:
    return f"sqlite:///{directory}/{{service}}.sqlite"


def postgres_template(prefix: str) -> str:
    return f"{POSTGRES_SERVER}/{prefix}_{{service}}"


def new_prefix() -> str:
    return f"smile_test_{uuid.uuid4().hex[:10]}"


def drop_postgres_databases(prefix: str) -> None:
    engine = create_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        names = connection.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :pattern"),
            {"pattern": f"{prefix}_%"},
        ).scalars()
        for name in list(names):
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()
