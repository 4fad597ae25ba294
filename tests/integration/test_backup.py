"""Backups of every database, on SQLite (online backup API) and PostgreSQL (pg_dump), restored
into empty databases: every row comes back, an event still waiting stays waiting, and those
published just before the backup wait again (a broker queue, which no backup holds, may have had
them); a restore never writes over a database that holds anything."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from infra.backup import create, restore
from infra.backup_stores import RestoreRefused
from infra.config import database_url
from infra.engines import make_engine
from infra.migrate import databases
from services.households.db import metadata
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template

OUTBOX = metadata.tables["outbox"]


def event(published_minutes_ago: float | None) -> dict:
    now = datetime.now(UTC)  # at the test's run, not at collection: the suite takes half an hour
    published = (
        None if published_minutes_ago is None else now - timedelta(minutes=published_minutes_ago)
    )
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": "household_registered",
        "payload": "{}",
        "created_at": now - timedelta(hours=2),
        "published_at": published,
    }


def outbox_rows(config: dict) -> dict[str, bool]:
    """event_id -> still waiting, in the households database of `config`."""
    engine = make_engine(database_url(config, "households"))
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(OUTBOX.c.event_id, OUTBOX.c.published_at)).all()
    finally:
        engine.dispose()
    return {row.event_id: row.published_at is None for row in rows}


@pytest.fixture
def empty_target(config: dict, tmp_path: Path):
    """The same configuration pointed at databases that do not exist yet."""
    if config["DATABASE_URL"].startswith("sqlite"):
        yield {**config, "DATABASE_URL": f"sqlite:///{tmp_path}/restored/{{service}}.sqlite"}
        return
    prefix = new_prefix()
    yield {**config, "DATABASE_URL": postgres_template(prefix)}
    drop_postgres_databases(prefix)


def test_a_backup_restores_every_database_and_what_waits_to_be_published(
    migrated: dict, empty_target: dict, tmp_path: Path
) -> None:
    waiting, just_sent, long_sent = event(None), event(3), event(90)
    engine = make_engine(database_url(migrated, "households"))
    with engine.begin() as connection:
        connection.execute(insert(OUTBOX), [waiting, just_sent, long_sent])
    engine.dispose()

    create(migrated, tmp_path / "backup", broker=False)
    republished = restore(empty_target, tmp_path / "backup", replay_minutes=15)

    assert set(republished) == set(databases(migrated))
    assert republished["households"] == 1 and republished["gateway"] == 0
    assert outbox_rows(empty_target) == {
        waiting["event_id"]: True,
        just_sent["event_id"]: True,  # published again after the restore
        long_sent["event_id"]: False,
    }


def test_a_restore_writes_over_nothing(migrated: dict, tmp_path: Path) -> None:
    create(migrated, tmp_path / "backup", broker=False)
    with pytest.raises(RestoreRefused):
        restore(migrated, tmp_path / "backup")
    engine = make_engine(database_url(migrated, "households"))
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(OUTBOX)).scalar() == 0
    engine.dispose()
