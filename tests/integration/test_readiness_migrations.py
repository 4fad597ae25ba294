"""Readiness says whether a process's database is at the head of its migrations, on SQLite and
PostgreSQL: a database migrated to the end is ready, one stamped a revision behind (an older
backup restored, a deploy that skipped `infra.migrate upgrade`) or never migrated is not."""

from __future__ import annotations

from types import SimpleNamespace

from alembic import command
from alembic.script import ScriptDirectory

from infra.config import database_url
from infra.engines import make_engine
from infra.health_listener import readiness
from infra.migrate import alembic_config, ensure_database
from infra.schema_version import at_head, current_revisions
from tests.support.databases import upgrade

SERVICE = "households"


def container(config: dict, engine) -> SimpleNamespace:
    return SimpleNamespace(
        started=True,
        config=config,
        service_name=SERVICE,
        dependencies=[SimpleNamespace(engine=engine)],
        subextensions=[],
    )


def test_ready_only_at_the_head_of_the_migrations(config) -> None:
    upgrade(config, [SERVICE])
    engine = make_engine(database_url(config, SERVICE))
    try:
        assert at_head(engine, config, SERVICE)
        assert readiness([container(config, engine)]) == {
            "status": "ok",
            "database": "ok",
            "broker": "ok",
            "migrations": "ok",
        }
        alembic = alembic_config(config, SERVICE)
        head = ScriptDirectory.from_config(alembic).get_current_head()
        previous = ScriptDirectory.from_config(alembic).get_revision(head).down_revision
        command.stamp(alembic, previous, purge=True)
        assert current_revisions(engine) == {previous}
        report = readiness([container(config, engine)])
        assert report["status"] == "unavailable" and report["migrations"] == "behind"
        assert report["database"] == "ok"
    finally:
        engine.dispose()


def test_a_database_never_migrated_is_not_ready(config) -> None:
    url = database_url(config, SERVICE)
    ensure_database(url)  # an empty PostgreSQL database; SQLite's file is made on connecting
    engine = make_engine(url)
    try:
        with engine.connect():
            pass
        assert current_revisions(engine) == frozenset()
        report = readiness([container(config, engine)])
        assert report["status"] == "unavailable" and report["migrations"] == "behind"
    finally:
        engine.dispose()
