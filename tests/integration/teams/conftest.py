"""A teams database per backend (SQLite and PostgreSQL), migrated once per module and emptied
before each test, for use-case tests against the real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import sessionmaker

from infra.config import database_url, load_config
from infra.engines import make_engine
from services.teams.db import TeamsUnitOfWork, metadata
from tests.support.databases import (
    drop_postgres_databases,
    new_prefix,
    postgres_template,
    sqlite_template,
    upgrade,
)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def teams_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    prefix = new_prefix() if request.param == "postgresql" else None
    template = (
        postgres_template(prefix)
        if prefix
        else sqlite_template(Path(tmp_path_factory.mktemp("teams")))
    )
    config = {**load_config(), "DATABASE_URL": template}
    upgrade(config, ["teams"])
    engine = make_engine(database_url(config, "teams"))
    yield engine
    engine.dispose()
    if prefix:
        drop_postgres_databases(prefix)


@pytest.fixture
def uow(teams_engine: Engine) -> TeamsUnitOfWork:
    with teams_engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(delete(table))
    sessions = sessionmaker(teams_engine, expire_on_commit=False)
    return TeamsUnitOfWork(sessions, metadata, source="teams", consumer="tests")
