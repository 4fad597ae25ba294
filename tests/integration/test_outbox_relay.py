"""The relay publishes committed events with confirms, in order, and keeps them through broker
outages.
"""

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.engines import make_engine
from infra.outbox import EventPublisher, OutboxRelay
from infra.unit_of_work import UnitOfWork
from services.households.db import metadata
from services.households.events import HOUSEHOLD_REGISTERED
from tests.integration.helpers import drain, tap
from tests.support.broker import amqp_uri_for
from tests.support.databases import upgrade

OUTBOX = metadata.tables["outbox"]


@pytest.fixture
def engine(config):
    upgrade(config, ["households"])
    engine = make_engine(database_url(config, "households"))
    yield engine
    engine.dispose()


def commit_events(engine, count):
    uow = UnitOfWork(sessionmaker(engine), metadata, source="households", consumer="test")
    with uow:
        for n in range(count):
            uow.emit(
                HOUSEHOLD_REGISTERED,
                {
                    "household_id": uuid.uuid4(),
                    "village_code": "24010101",
                    "member_count": n,
                    "registered_at": datetime.now(UTC),
                },
            )
        uow.commit()


def unpublished(engine):
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(OUTBOX).where(OUTBOX.c.published_at.is_(None))
        ).scalar()


def test_committed_events_are_published_in_order_then_marked_sent(engine, amqp_uri):
    queue = tap(amqp_uri, "households")
    commit_events(engine, 3)
    relay = OutboxRelay(engine, OUTBOX, EventPublisher(amqp_uri))
    assert relay.publish_pending() == 3
    assert relay.publish_pending() == 0
    received = drain(amqp_uri, queue)
    assert [e["data"]["member_count"] for e in received] == [0, 1, 2]
    assert {e["source"] for e in received} == {"households"}
    assert unpublished(engine) == 0
    relay.close()


def test_events_wait_in_the_outbox_while_the_broker_is_unreachable(
    engine, amqp_uri, vhost, broker_proxy
):
    proxy = broker_proxy
    queue = tap(amqp_uri, "households")
    relay = OutboxRelay(
        engine, OUTBOX, EventPublisher(amqp_uri_for(vhost, port=proxy.port), timeout_seconds=2)
    )
    proxy.cut()
    commit_events(engine, 2)
    with pytest.raises(Exception):  # noqa: B017 - whatever the transport raises for a refused connection
        relay.publish_pending()
    assert unpublished(engine) == 2
    proxy.restore()
    assert relay.publish_pending() == 2
    assert len(drain(amqp_uri, queue)) == 2
    relay.close()
