"""Fixtures shared by the households integration tests."""

import pytest
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.engines import make_engine
from services.households.db import HouseholdsUnitOfWork, metadata


@pytest.fixture
def uow(migrated):
    """A unit of work on the migrated households database, for calling use cases directly."""
    engine = make_engine(database_url(migrated, "households"))
    yield HouseholdsUnitOfWork(
        sessionmaker(engine, expire_on_commit=False), metadata, source="households", consumer="t"
    )
    engine.dispose()
