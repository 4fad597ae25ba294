"""One check of an expected version for every service."""

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.orm import Session

from infra.errors import PreconditionFailed
from infra.versions import require_version, save_versioned


def test_the_version_read_is_the_current_one():
    assert require_version(3, 3, "loan") is None


def test_no_expected_version_asks_for_no_check():
    assert require_version(3, None, "loan") is None


@pytest.mark.parametrize("expected", [1, 2, 4, 0])
def test_another_version_is_refused_with_the_current_one(expected):
    with pytest.raises(PreconditionFailed) as refused:
        require_version(3, expected, "loan")
    assert refused.value.status == 412
    assert refused.value.extra == {"current_version": 3}
    assert refused.value.detail == "the loan was changed since you read it"


@pytest.fixture
def loans():
    metadata = MetaData()
    table = Table(
        "loans",
        metadata,
        Column("id", String, primary_key=True),
        Column("status", String),
        Column("version", Integer),
    )
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as session:
        session.execute(insert(table).values(id="loan-1", status="applied", version=1))
        yield session, table


def test_a_change_made_from_the_stored_version_is_written_with_its_new_version(loans):
    session, table = loans
    save_versioned(session, table, "id", {"id": "loan-1", "status": "approved", "version": 2})
    assert session.execute(select(table)).one() == ("loan-1", "approved", 2)


@pytest.mark.parametrize("new_version", [1, 3, 5])
def test_a_change_made_from_another_version_is_refused_and_writes_nothing(loans, new_version):
    session, table = loans
    with pytest.raises(PreconditionFailed):
        save_versioned(
            session, table, "id", {"id": "loan-1", "status": "x", "version": new_version}
        )
    assert session.execute(select(table)).one() == ("loan-1", "applied", 1)
