"""Batching event handlers on the real broker (`infra.batch_events`): a backlog is applied in
windows, in the order of the queue, each event settled as it would be alone: a failing one is
retried and parked while the rest of its window is acked. (The windows' transactions on both
databases: tests/integration/teams/test_event_windows.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from kombu import Connection

from infra.batch_events import batch_event_handler
from infra.batches import Delivery, apply_all
from infra.correlation import CorrelationId
from infra.deadletter import list_parked
from infra.queues import HandlerQueues, shared_queues
from tests.integration.helpers import publish_event, registered_event
from tests.support.waiting import wait_for

WINDOWS: list[int] = []
APPLIED: list[str] = []
ATTEMPTS: dict[str, int] = {}


class Transactions:
    """Counts the windows' transactions; the handler's database work is in the teams test."""

    committed = 0  # a window of one runs alone, without one

    @contextmanager
    def batch(self) -> Iterator[None]:
        yield
        Transactions.committed += 1

    @contextmanager
    def on_behalf_of(self, _correlation_id: str | None) -> Iterator[None]:
        yield


class Windowed:
    name = "windowed"
    correlation = CorrelationId()

    @batch_event_handler("households", "household_registered")
    def handle(self, deliveries: list[Delivery]):
        WINDOWS.append(len(deliveries))
        return apply_all(Transactions(), deliveries, self._apply, "handle")

    def _apply(self, delivery: Delivery) -> None:
        event_id = delivery.payload["event_id"]
        ATTEMPTS[event_id] = ATTEMPTS.get(event_id, 0) + 1
        if delivery.payload["data"].get("poison"):
            raise RuntimeError("a bug in the handler")
        APPLIED.append(event_id)


@pytest.fixture
def windowed_config(make_config, sqlite_database_template):
    WINDOWS.clear()
    APPLIED.clear()
    ATTEMPTS.clear()
    Transactions.committed = 0
    return make_config(sqlite_database_template, EVENT_BATCH_WINDOW=10)


def declared(config) -> HandlerQueues:
    queues = HandlerQueues(
        "households", "household_registered", "windowed", "handle", config["EVENT_RETRY_DELAYS_MS"]
    )
    with Connection(config["AMQP_URI"]) as connection:
        for queue in [*shared_queues(queues.delays_ms), *queues.all()]:
            queue(connection.default_channel).declare()
    return queues


def test_a_backlog_is_applied_in_windows_in_order_and_a_failing_event_alone_is_parked(
    windowed_config, start_service, amqp_uri
):
    queues = declared(windowed_config)
    backlog = [registered_event() for _ in range(40)]
    poison = registered_event(poison=True)
    backlog.insert(15, poison)
    for event in backlog:
        publish_event(amqp_uri, event)

    start_service(Windowed, windowed_config)

    healthy = [e["event_id"] for e in backlog if e is not poison]
    wait_for(lambda: len(APPLIED) == len(healthy), what="the healthy events")
    assert healthy == APPLIED  # in the queue's order, each once
    assert 1 < max(WINDOWS) <= 10  # windows formed, none larger than EVENT_BATCH_WINDOW
    parked = wait_for(lambda: list_parked(amqp_uri, [queues]), what="the poisoned event to park")
    assert [(p.event_id, p.attempts) for p in parked] == [(poison["event_id"], 3)]
    assert ATTEMPTS[poison["event_id"]] == 3
    assert all(ATTEMPTS[e] == 1 for e in healthy)
    assert sum(WINDOWS) == len(healthy) + 3  # the poisoned event: once in a window, twice alone
    assert Transactions.committed == sum(1 for w in WINDOWS if w > 1)
