"""Funding use cases on a real database (SQLite and PostgreSQL, through `database_template`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import sessionmaker

from infra.config import database_url, load_config
from infra.engines import make_engine
from services.funding.db import FundingUnitOfWork, metadata
from tests.integration.funding.desk import Desk
from tests.support.databases import upgrade


@pytest.fixture
def funding_uow(database_template: str) -> Iterator[FundingUnitOfWork]:
    config = {**load_config(), "DATABASE_URL": database_template}
    upgrade(config, ["funding"])
    engine = make_engine(database_url(config, "funding"))
    yield FundingUnitOfWork(
        sessionmaker(engine, expire_on_commit=False),
        metadata,
        source="funding",
        consumer="funding.tests",
    )
    engine.dispose()


@pytest.fixture
def desk(funding_uow: FundingUnitOfWork) -> Desk:
    return Desk(funding_uow)
