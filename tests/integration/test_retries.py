"""A failing handler: retried with back-off a bounded number of times, then parked; nothing else
waits.
"""

import pytest
from nameko.constants import AMQP_URI_CONFIG_KEY
from prometheus_client import REGISTRY
from sqlalchemy import select

from infra.config import database_url
from infra.correlation import CorrelationId
from infra.deadletter import list_parked, replay
from infra.engines import make_engine
from infra.events import event_handler
from infra.queues import HandlerQueues
from services.notifications.db import metadata as notifications_metadata
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, registered_event
from tests.support.waiting import wait_for

ATTEMPTS: dict[str, int] = {}
HANDLED: list[str] = []
BROKEN = {"poison": True}


class Fragile:
    """Handles every event, except that a poisoned one fails while the bug is there."""

    name = "fragile"
    correlation = CorrelationId()

    @event_handler("households", "household_registered")
    def handle(self, payload):
        event_id = payload["event_id"]
        ATTEMPTS[event_id] = ATTEMPTS.get(event_id, 0) + 1
        if BROKEN["poison"] and payload["data"].get("poison"):
            raise RuntimeError("a bug in the handler")
        HANDLED.append(event_id)


@pytest.fixture
def fragile_config(make_config, sqlite_database_template):
    """Fragile keeps no data, so one backend is enough; its bug is back for each test."""
    ATTEMPTS.clear()
    HANDLED.clear()
    BROKEN["poison"] = True
    return make_config(sqlite_database_template)


def handled(config, event_id):
    """Whether the notifications service recorded this event in its inbox."""
    inbox = notifications_metadata.tables["inbox"]
    engine = make_engine(database_url(config, "notifications"))
    with engine.connect() as connection:
        found = connection.execute(select(inbox.c.event_id).where(inbox.c.event_id == event_id))
        seen = found.first() is not None
    engine.dispose()
    return seen


def fragile_queues(config):
    return HandlerQueues(
        "households", "household_registered", "fragile", "handle", config["EVENT_RETRY_DELAYS_MS"]
    )


def event_counts(queues):
    return {
        outcome: REGISTRY.get_sample_value(
            "smile_events_total", {"subscription": queues.name, "outcome": outcome}
        )
        or 0
        for outcome in ("consumed", "retried", "parked")
    }


def test_a_failing_event_is_retried_then_parked_while_others_flow_then_replayed(
    fragile_config, start_service, amqp_uri
):
    config = fragile_config
    queues = fragile_queues(config)
    before = event_counts(queues)
    start_service(Fragile, config)
    poison = registered_event(poison=True)
    healthy = [registered_event() for _ in range(5)]
    for event in [poison, *healthy]:
        publish_event(amqp_uri, event)

    wait_for(lambda: all(e["event_id"] in HANDLED for e in healthy), what="the healthy events")
    assert (
        ATTEMPTS[poison["event_id"]] < 3
    )  # the others did not wait for the poisoned one's retries
    parked = wait_for(lambda: list_parked(amqp_uri, [queues]), what="the poisoned event to park")
    assert [(p.event_id, p.attempts) for p in parked] == [(poison["event_id"], 3)]
    # /metrics (infra.metrics): the park is counted once its publish is done, a moment after the
    # parked queue shows it
    expected = {"consumed": 5, "retried": 2, "parked": 1}
    counted = wait_for(
        lambda: (c := {k: v - before[k] for k, v in event_counts(queues).items()}) == expected
        and c,
        what="the metrics to count the park",
    )
    assert counted == expected
    assert "RuntimeError: a bug in the handler" in parked[0].error
    assert ATTEMPTS[poison["event_id"]] == 3  # once, then after each of the two delays

    BROKEN["poison"] = False  # the bug is fixed
    assert replay(config[AMQP_URI_CONFIG_KEY], queues) == 1
    wait_for(lambda: poison["event_id"] in HANDLED, what="the replayed event")
    assert list_parked(amqp_uri, [queues]) == []


def test_an_event_of_an_unknown_version_is_parked_at_once(migrated, start_service, amqp_uri):
    start_service(NotificationsService, migrated)
    unknown = {**registered_event(), "version": 9}
    publish_event(amqp_uri, unknown)
    later = registered_event()
    publish_event(amqp_uri, later)
    queues = HandlerQueues(
        "households",
        "household_registered",
        "notifications",
        "on_household_registered",
        migrated["EVENT_RETRY_DELAYS_MS"],
    )
    parked = wait_for(lambda: list_parked(amqp_uri, [queues]), what="the unknown version to park")
    assert parked[0].attempts == 1 and "version 9" in parked[0].error
    wait_for(lambda: handled(migrated, later["event_id"]), what="the event after it")
    assert not handled(migrated, unknown["event_id"])
