"""kill -9 of the broker while events are being applied, several times: every process stays up,
reconnects, and applies each event exactly once (redeliveries are absorbed by the inbox)."""

from __future__ import annotations

import json

import pytest

from infra.caller import SYSTEM
from infra.migrate import databases
from infra.outbox import EventPublisher
from tests.integration.helpers import (
    coordinator_known_to_notifications,
    household_payload,
    registered_event,
    rpc,
)
from tests.integration.test_shutdown import counts
from tests.support.databases import upgrade
from tests.support.own_broker import OwnBroker
from tests.support.processes import environment, log_tail, run_module, start_module
from tests.support.waiting import wait_for

EVENTS = 3000
KILLS = 5  # before the fix, the fatal race (an ack written to a reset socket) hit by kill 1-3
PROGRESS_BETWEEN_KILLS = 100
ADMIN = SYSTEM.to_dict()


def publish_confirmed(amqp_uri: str, count: int) -> None:
    """Publish with confirms, as the outbox relay does: a confirmed event survives a broker kill."""
    publisher = EventPublisher(amqp_uri)
    try:
        for start in range(0, count, 500):
            events = [registered_event() for _ in range(min(500, count - start))]
            publisher.publish_batch([(event, json.dumps(event)) for event in events])
    finally:
        publisher.close()


@pytest.fixture
def services(make_config, database_template, own_broker: OwnBroker, tmp_path):
    config = make_config(database_template, AMQP_URI=own_broker.uri)
    upgrade(config, list(databases(config)))
    env = environment(AMQP_URI=config["AMQP_URI"], DATABASE_URL=config["DATABASE_URL"])
    run_module("infra.topology", env=env)
    processes = {}
    for name in ("households", "notifications"):
        log_path = tmp_path / f"{name}.log"
        processes[name] = start_module("infra.runner", name, env=env, log_path=log_path)
        processes[name].log_path = log_path
    yield config, processes
    for process in processes.values():
        if process.poll() is None:
            process.kill()
            process.wait()


def test_broker_killed_while_events_are_applied_loses_and_repeats_nothing(
    services, own_broker: OwnBroker
):
    config, processes = services
    coordinator_known_to_notifications(config)  # each event then files one notification
    publish_confirmed(config["AMQP_URI"], EVENTS)
    for _ in range(KILLS):
        applied = counts(config)[1]
        wait_until_applied(processes, config, applied + PROGRESS_BETWEEN_KILLS)
        assert counts(config)[1] < EVENTS, "the broker must die while events are still queued"
        own_broker.kill()
        own_broker.start()
    wait_until_applied(processes, config, EVENTS)
    # households reconnected too: its RPC entrypoint answers and its outbox relay publishes
    rpc(config, "households", "register_household", ADMIN, household_payload(seed=7))
    wait_until_applied(processes, config, EVENTS + 1)
    assert counts(config) == (EVENTS + 1, EVENTS + 1)  # each event applied once, none lost


def wait_until_applied(processes, config, at_least: int) -> None:
    """Wait until `at_least` events were applied; fail at once if the service died meanwhile."""

    def applied() -> bool:
        assert_alive(processes)
        return counts(config)[1] >= at_least

    wait_for(applied, timeout=180, interval=0.2, what=f"{at_least} events to be applied")


def assert_alive(processes) -> None:
    for name, process in processes.items():
        assert process.poll() is None, f"{name} died:\n{log_tail(process.log_path)}"
