"""A duplicate key the database refuses becomes the use case's answer (a 409), on SQLite and
PostgreSQL: at a statement inside `if_taken`, and at the commit (`KeyTaken`). Other refusals (a
null where none may be) stay the database's error: they are bugs, not races."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.engines import make_engine
from infra.errors import Conflict, KeyTaken
from infra.unit_of_work import UnitOfWork
from services.households.db import metadata
from services.households.events import HOUSEHOLD_REGISTERED
from tests.support.databases import upgrade

INBOX, OUTBOX = metadata.tables["inbox"], metadata.tables["outbox"]
ALREADY = Conflict("recorded already")


@pytest.fixture
def uow(config):
    upgrade(config, ["households"])
    engine = make_engine(database_url(config, "households"))
    yield UnitOfWork(sessionmaker(engine), metadata, source="households", consumer="test")
    engine.dispose()


def inbox_row(event_id: str) -> dict[str, object]:
    return {
        "consumer": "test",
        "event_id": event_id,
        "event_type": "x",
        "processed_at": datetime.now(UTC),
    }


def rows(uow: UnitOfWork, table) -> int:
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(table)))


def test_a_duplicate_at_a_statement_answers_the_use_cases_error_and_keeps_nothing(uow):
    event_id = str(uuid.uuid4())
    with pytest.raises(Conflict) as raised, uow, uow.if_taken(ALREADY):
        uow.session.execute(insert(INBOX).values(inbox_row(str(uuid.uuid4()))))
        uow.session.execute(insert(INBOX).values(inbox_row(event_id)))
        uow.session.execute(insert(INBOX).values(inbox_row(event_id)))
        uow.commit()
    assert raised.value is ALREADY
    assert rows(uow, INBOX) == 0


def test_a_duplicate_at_the_commit_is_key_taken_a_409(uow):
    with uow:
        envelope = uow.emit(HOUSEHOLD_REGISTERED, registered())
        with uow.sibling() as first:  # a concurrent change took the same key first
            first.session.execute(insert(OUTBOX).values(outbox_row(envelope.event_id)))
            first.commit()
        with pytest.raises(KeyTaken) as raised:
            uow.commit()
    assert raised.value.status == 409
    assert rows(uow, OUTBOX) == 1


def test_a_duplicate_at_the_commit_inside_if_taken_answers_the_use_cases_error(uow):
    with pytest.raises(Conflict) as raised, uow, uow.if_taken(ALREADY):
        envelope = uow.emit(HOUSEHOLD_REGISTERED, registered())
        with uow.sibling() as first:
            first.session.execute(insert(OUTBOX).values(outbox_row(envelope.event_id)))
            first.commit()
        uow.commit()
    assert raised.value is ALREADY


def test_a_refusal_other_than_a_duplicate_stays_the_databases_error(uow):
    with pytest.raises(IntegrityError), uow, uow.if_taken(ALREADY):
        uow.session.execute(insert(INBOX).values({**inbox_row("e"), "event_type": None}))
        uow.commit()


def registered() -> dict[str, object]:
    return {
        "household_id": uuid.uuid4(),
        "village_code": "24010101",
        "member_count": 1,
        "registered_at": datetime.now(UTC),
    }


def outbox_row(event_id: str) -> dict[str, object]:
    return {
        "event_id": event_id,
        "event_type": "x",
        "payload": "{}",
        "created_at": datetime.now(UTC),
    }
