import sqlite3
from dataclasses import dataclass, field

import psycopg2
import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from infra.envelope import UnprocessableEvent
from infra.events import FailedEventRouter
from infra.queues import ATTEMPT_HEADER, ERROR_HEADER, HandlerQueues

QUEUES = HandlerQueues("households", "household_registered", "notifications", "on_it", (100, 200))


@dataclass
class FakeMessage:
    headers: dict = field(default_factory=dict)
    body: bytes = b"{}"
    content_type: str = "application/json"
    content_encoding: str = "utf-8"
    properties: dict = field(default_factory=lambda: {"message_id": "e1"})


class FakePublisher:
    def __init__(self, fails=False):
        self.sent, self.fails = [], fails

    def publish(self, body, exchange, routing_key, headers, **_):
        if self.fails:
            raise ConnectionError("broker gone")
        self.sent.append((exchange, routing_key, headers))


def route(message, error, publisher=None):
    publisher = publisher or FakePublisher()
    return FailedEventRouter(publisher, QUEUES).reroute(message, error), publisher.sent


def test_failures_wait_in_growing_delay_queues_then_park():
    ok, sent = route(FakeMessage(), RuntimeError())
    # the shared delay queue's exchange, keyed by the handler's queue the delay returns it to
    assert ok and sent[0][:2] == ("smile.retry.100ms", QUEUES.name)
    assert sent[0][2][ATTEMPT_HEADER] == 1
    _, sent = route(FakeMessage({ATTEMPT_HEADER: 1}), RuntimeError())
    assert sent[0][:2] == ("smile.retry.200ms", QUEUES.name)
    _, sent = route(FakeMessage({ATTEMPT_HEADER: 2, "x-death": []}), RuntimeError("boom"))
    assert sent[0][:2] == ("", f"{QUEUES.name}.parked")
    assert "x-death" not in sent[0][2] and sent[0][2][ERROR_HEADER] == "RuntimeError: boom"


def test_unprocessable_events_are_parked_at_once():
    _, sent = route(FakeMessage(), UnprocessableEvent("version 9"))
    assert sent[0][:2] == ("", f"{QUEUES.name}.parked")


def test_a_failed_reroute_is_reported_so_the_delivery_is_not_acked():
    ok, _ = route(FakeMessage(), RuntimeError(), FakePublisher(fails=True))
    assert not ok


def database_error(orig: Exception, invalidated: bool = False) -> DBAPIError:
    return DBAPIError.instance("SELECT 1", {}, orig, Exception, connection_invalidated=invalidated)


DOWN = [
    database_error(psycopg2.OperationalError("server closed the connection unexpectedly")),
    database_error(sqlite3.OperationalError("database is locked")),
    database_error(RuntimeError("socket gone"), invalidated=True),
    PoolTimeout("QueuePool limit reached"),
]


@pytest.mark.parametrize("error", DOWN, ids=type)
def test_an_event_that_met_a_database_outage_waits_in_the_longest_delay_instead_of_parking(error):
    _, sent = route(FakeMessage({ATTEMPT_HEADER: 7}), error)
    assert sent[0][:2] == ("smile.retry.200ms", QUEUES.name)
    assert sent[0][2][ATTEMPT_HEADER] == 8


@pytest.mark.parametrize(
    "error",
    [
        database_error(psycopg2.IntegrityError("duplicate key")),
        database_error(sqlite3.OperationalError("no such table: teams")),
        RuntimeError("a bug"),
    ],
    ids=type,
)
def test_other_failures_still_park_after_the_last_delay(error):
    _, sent = route(FakeMessage({ATTEMPT_HEADER: 2}), error)
    assert sent[0][:2] == ("", f"{QUEUES.name}.parked")
