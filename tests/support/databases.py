"""Per-test databases: SQLite files, or throw-away PostgreSQL databases dropped afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url, text

from infra import migrate
from infra.config import database_url

POSTGRES_SERVER = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432"
)


def sqlite_template(directory: Path) -> str:
    return f"sqlite:///{directory}/{{service}}.sqlite"


def postgres_template(prefix: str) -> str:
    return f"{POSTGRES_SERVER}/{prefix}_{{service}}"


def new_prefix() -> str:
    return f"smile_test_{uuid.uuid4().hex[:10]}"


def drop_postgres_databases(prefix: str, *, wait: bool = False) -> None:
    """Drop the databases named `prefix`_*. PostgreSQL 15 makes a checkpoint for each DROP
    DATABASE, which takes seconds while other tests write: unless `wait`, psql drops them in the
    background, and `finish_drops` waits for every drop at the end of the session."""
    engine = create_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        names = list(
            connection.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :pattern"),
                {"pattern": f"{prefix}_%"},
            ).scalars()
        )
        statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names]
        psql = shutil.which("psql")
        if wait or not psql:
            for statement in statements:
                connection.execute(text(statement))
    engine.dispose()
    if statements and psql and not wait:
        server = make_url(POSTGRES_SERVER).set(drivername="postgresql", database="postgres")
        commands = [arg for statement in statements for arg in ("-c", statement)]
        _DROPPING.append(
            subprocess.Popen(
                [psql, "-q", server.render_as_string(hide_password=False), *commands],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )


_DROPPING: list[subprocess.Popen[bytes]] = []


def finish_drops() -> None:
    """Wait for the background drops (the session's end)."""
    while _DROPPING:
        _DROPPING.pop().wait()


class MigratedTemplates:
    """Each service's database migrated once per test session and backend, then copied for each
    test: a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL. Alembic's upgrade
    of every service took about a second per test; the copy takes a few milliseconds. Tests of
    the migrations themselves call `infra.migrate.upgrade` directly."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.prefix = f"smile_tmpl_{uuid.uuid4().hex[:8]}"
        self.made: set[tuple[str, str]] = set()

    def upgrade(self, config: dict[str, Any], services: list[str]) -> None:
        for service in services:
            url = make_url(database_url(config, service))
            backend = url.get_backend_name()
            if (backend, service) not in self.made:
                self._migrate_template(config, backend, service)
                self.made.add((backend, service))
            copied = (
                self._copy_postgres(service, str(url.database))
                if backend == "postgresql"
                else self._copy_sqlite(service, Path(str(url.database)))
            )
            if not copied:  # it exists already (a second upgrade): migrate it in place
                migrate.upgrade(config, [service])

    def drop(self) -> None:
        finish_drops()  # the per-test copies first: a template cannot go while it is copied
        drop_postgres_databases(self.prefix, wait=True)
        shutil.rmtree(self.directory, ignore_errors=True)

    def _migrate_template(self, config: dict[str, Any], backend: str, service: str) -> None:
        template = dict(config)
        if backend == "postgresql":
            template["DATABASE_URL"] = postgres_template(self.prefix)
        else:
            template["DATABASE_URL"] = sqlite_template(self.directory)
        migrate.upgrade(template, [service])

    def _copy_sqlite(self, service: str, target: Path) -> bool:
        if target.exists():
            return False
        source = self.directory / f"{service}.sqlite"
        for suffix in ("", "-wal"):
            if Path(f"{source}{suffix}").exists():
                shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
        return True

    def _copy_postgres(self, service: str, name: str) -> bool:
        engine = create_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                exists = connection.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
                ).scalar()
                if exists:
                    return False
                template = f"{self.prefix}_{service}"
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
                return True
        finally:
            engine.dispose()


TEMPLATES = MigratedTemplates(Path(tempfile.mkdtemp(prefix="smile-templates-")))


def upgrade(config: dict[str, Any], services: list[str]) -> None:
    """`infra.migrate.upgrade` for tests: the same databases at head, copied from templates."""
    TEMPLATES.upgrade(config, services)
