"""SIGTERM while events are being handled: what was in flight finishes or goes back; nothing is
lost.
"""

import pytest
from kombu import Connection
from nameko.standalone.events import get_event_exchange
from sqlalchemy import func, select

from infra.config import database_url
from infra.engines import make_engine
from services.notifications.db import metadata
from tests.integration.helpers import coordinator_known_to_notifications, registered_event
from tests.support.processes import (
    environment,
    log_tail,
    run_module,
    start_module,
    stop_with_sigterm,
)
from tests.support.waiting import wait_for

EVENTS = 2000


def publish_many(amqp_uri, count):
    exchange = get_event_exchange("households", {})
    with Connection(amqp_uri) as connection:
        producer = connection.Producer()
        for _ in range(count):
            event = registered_event()
            producer.publish(
                event,
                exchange=exchange,
                routing_key=event["event_type"],
                serializer="json",
                message_id=event["event_id"],
                delivery_mode=2,
            )


def counts(config):
    engine = make_engine(database_url(config, "notifications"))
    with engine.connect() as connection:
        filed = connection.execute(
            select(func.count()).select_from(metadata.tables["notifications"])
        ).scalar()
        inbox = metadata.tables["inbox"]
        seen = connection.execute(
            select(func.count())
            .select_from(inbox)
            .where(inbox.c.event_type == "household_registered")
        ).scalar()
    engine.dispose()
    return filed, seen


@pytest.fixture
def runner(tmp_path):
    """Starts `python -m infra.runner notifications`; whatever is still running is killed after."""
    started = []

    def start(env, log_name):
        process = start_module(
            "infra.runner", "notifications", env=env, log_path=tmp_path / log_name
        )
        process.log_path = tmp_path / log_name
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def stop_gracefully(process):
    exit_code = stop_with_sigterm(process)
    assert exit_code == 0, f"exit code {exit_code}; the log ends:\n{log_tail(process.log_path)}"


def learn_the_coordinator(config, env, runner):
    service = runner(env, "0.log")
    coordinator_known_to_notifications(config)
    stop_gracefully(service)


def test_sigterm_mid_stream_loses_and_repeats_nothing(config, runner):
    env = environment(AMQP_URI=config["AMQP_URI"], DATABASE_URL=config["DATABASE_URL"])
    run_module("infra.migrate", "upgrade", "notifications", env=env)
    run_module("infra.topology", env=env)  # the queue exists before anything is published
    learn_the_coordinator(config, env, runner)  # each event then files one notification
    publish_many(config["AMQP_URI"], EVENTS)

    first = runner(env, "first.log")
    wait_for(lambda: counts(config)[0] >= 100, timeout=60, what="the service to get going")
    stop_gracefully(first)
    filed, _ = counts(config)
    assert 0 < filed < EVENTS, "the signal must arrive while events are still queued"

    second = runner(env, "second.log")
    wait_for(lambda: counts(config)[1] == EVENTS, timeout=120, what="every event to be handled")
    stop_gracefully(second)
    assert counts(config) == (EVENTS, EVENTS)
