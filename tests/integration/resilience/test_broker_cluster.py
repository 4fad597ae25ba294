"""Three clustered RabbitMQ nodes, two replicas of every service and of the gateway, households
registered through the gateways in a steady stream; kill -9 of the node that leads the busiest
queues. Every acknowledged write has its row and its event, each consumer applies every event once,
the system serves again within RECOVERY_BOUND_SECONDS, and the node rejoins when started again.

The databases are PostgreSQL (a server of the tests' own): replicas of a service share one
database, which the outbox relay claims from with SKIP LOCKED; SQLite has neither (two relays
would publish the same rows) and its file lock blocks a whole process under eventlet."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import requests
from nameko.rpc import RPC_QUEUE_TEMPLATE
from sqlalchemy import select

from infra import migrate
from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.errors import GatewayTimeout, ServiceUnavailable
from infra.topology import handler_queues
from services.notifications.db import metadata as notifications_db
from tests.integration.resilience.cluster_counts import APPLIED_MARKS, Tally, Timings, applications
from tests.integration.resilience.gateway_writes import GatewayWrites
from tests.integration.resilience.ledger import EVENT, Ledger, read_ledger
from tests.integration.test_rpc import EXECUTED, Caller, Target, call
from tests.support.broker_cluster import BrokerCluster
from tests.support.databases import new_prefix
from tests.support.own_broker import OwnBroker
from tests.support.own_postgres import OwnPostgres
from tests.support.ports import free_port
from tests.support.processes import environment, log_tail, run_module, start_module
from tests.support.waiting import wait_for

pytestmark = pytest.mark.long

PROCESSES = ("households", "teams", "funding", "notifications", "gateway")
REPLICAS = 2
ADMIN_PASSWORD = "cluster chief passphrase 42"
PASSWORD = "cluster coordinator 2026!"
WRITES_BEFORE = 150  # acknowledged before the kill
WRITES_AFTER = 150  # acknowledged after writes work again, with the node still down
WRITES_REJOINED = 100  # acknowledged after the node rejoined
RECOVERY_BOUND_SECONDS = 30.0  # from the kill to a write acknowledged (and every process ready)
SETTLE_SECONDS = 120.0
NO_LEADER_SECONDS = 3.0  # RPC calls made while the request queue has no leader
EXPECTED = {"201", "409", "503", "504"}  # done; the first try still running; broker down; timeout


@dataclass
class System:
    vhost: str
    config: dict[str, Any]
    gateways: list[str]
    ready_urls: dict[str, str]  # process -> its /health/ready
    processes: dict[str, subprocess.Popen[bytes]]
    logs: Path


@pytest.fixture
def cluster_vhost(broker_cluster: BrokerCluster) -> Iterator[str]:
    """A vhost of the test's own on the cluster, deleted after whatever used it stopped."""
    vhost = f"cluster-{uuid.uuid4().hex[:8]}"
    broker_cluster.add_vhost(vhost)
    yield vhost
    broker_cluster.delete_vhost(vhost)


@pytest.fixture
def system(
    broker_cluster: BrokerCluster, cluster_vhost: str, own_postgres: OwnPostgres, tmp_path
) -> Iterator[System]:
    env = environment(
        AMQP_URI=broker_cluster.uri_for(cluster_vhost),
        DATABASE_URL=own_postgres.database_template(new_prefix()),
        DATA_DIR=tmp_path / "data",
        LOG_LEVEL="INFO",  # each application of an event is logged: the logs count them
        ADMIN_PASSWORD=ADMIN_PASSWORD,
        JWT_SECRET="cluster-secret-" + "x" * 60,  # one for both gateways
        RATE_LIMIT_PER_PERSON="1000000/minute",
        MAX_WORKERS=6,
        EVENT_RETRY_DELAYS_MS="[200, 1000, 3000]",
        OUTBOX_POLL_SECONDS=0.2,
        OUTBOX_MAX_BACKOFF_SECONDS=1,
    )
    with patch.dict(os.environ, env):
        config = load_config()
    migrate.upgrade(config, list(migrate.databases(config)))
    run_module("infra.topology", env=env)
    run_module("services.teams.bootstrap", env=env)
    running = System(cluster_vhost, config, [], {}, {}, tmp_path)
    try:
        for name in PROCESSES:
            for replica in range(1, REPLICAS + 1):
                start(running, env, name, replica)
        wait_for(lambda: all_ready(running), timeout=120, interval=0.5, what="every process")
        yield running
    finally:
        for process in running.processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def start(running: System, env: dict[str, str], name: str, replica: int) -> None:
    port = free_port()
    if name == "gateway":  # it answers its probes on its web port
        env = {**env, "GATEWAY_ADDRESS": f"127.0.0.1:{port}"}
        running.gateways.append(f"http://127.0.0.1:{port}")
    else:
        env = {**env, "HEALTH_PORT": str(port)}
    process_name = f"{name}-{replica}"
    log_path = running.logs / f"{process_name}.log"
    running.processes[process_name] = start_module("infra.runner", name, env=env, log_path=log_path)
    running.ready_urls[process_name] = f"http://127.0.0.1:{port}/health/ready"


def test_killing_the_node_leading_the_busiest_queues_loses_and_repeats_nothing(
    system: System, broker_cluster: BrokerCluster
):
    pids = {name: process.pid for name, process in system.processes.items()}
    stream = GatewayWrites(gateways=system.gateways, token=coordinator_token(system))
    stream.start()
    try:
        wait_for_writes(stream, system, WRITES_BEFORE)
        led_before = leaders(broker_cluster, system)
        victim = broker_cluster.leader_of_most(system.vhost, busiest_queues(system.config))
        killed = time.monotonic()
        victim.kill()
        served_again = wait_for_recovery(stream, system, killed) - killed
        wait_for(lambda: all_ready(system), timeout=RECOVERY_BOUND_SECONDS, interval=0.2)
        ready_again = time.monotonic() - killed
        wait_for_writes(stream, system, WRITES_AFTER, started_after=killed + served_again)
        led_after = leaders(broker_cluster, system)
        restarted = time.monotonic()
        broker_cluster.restart(victim)
        wait_for(lambda: back_in_queues(broker_cluster, system, victim), timeout=60, interval=1)
        rejoined = time.monotonic() - restarted
        wait_for_writes(stream, system, WRITES_REJOINED, started_after=time.monotonic())
    finally:
        stream.stop()
    tally = Tally(stream, settle(system), applications(system.logs))
    summary = (
        f"killed {victim.node}; leaders of the busiest queues before {dict(led_before)}, after "
        f"{dict(led_after)}\n{tally.summary(Timings(served_again, ready_again, rejoined))}"
    )
    print(f"\n{summary}")

    alive = {name: p.pid for name, p in system.processes.items() if p.poll() is None}
    assert alive == pids, f"a process died or was replaced\n{summary}"
    assert served_again <= RECOVERY_BOUND_SECONDS, summary
    assert victim.node in broker_cluster.running_nodes(), f"the node did not rejoin\n{summary}"
    assert not stream.unacknowledged() and set(stream.outcomes()) <= EXPECTED, summary
    assert_written_once(tally, summary)
    assert_applied_once(tally, summary)
    assert not broker_passwords_in(system.logs), f"a log shows a broker's password\n{summary}"


def test_rpc_calls_sent_while_their_queue_has_no_leader_work_once_it_has_one(
    broker_cluster: BrokerCluster, cluster_vhost: str, start_service
):
    """Two nodes die: the RPC request queue has no quorum, so no leader, and the caller's requests
    in that time are lost (they time out). Once a node is back and the queue has a leader again,
    the same caller, never restarted, gets answers. (A channel that first wrote to a quorum queue
    while it had no leader drops every later message to it: the caller must notice and replace
    it.)"""
    config = {"AMQP_URI": broker_cluster.uri_for(cluster_vhost)}
    EXECUTED.clear()
    start_service(Target, config)  # declares its request queue: led by the node it is on
    caller = start_service(Caller, config)
    assert call(caller, "record", "before") == "before"
    request_queue = {RPC_QUEUE_TEMPLATE.format("target")}
    leader = broker_cluster.leader_of_most(cluster_vhost, request_queue)
    follower = next(node for node in broker_cluster.nodes if node is not leader)
    leader.kill()
    follower.kill()
    try:
        lost = calls_until(caller, time.monotonic() + NO_LEADER_SECONDS)
        broker_cluster.restart(follower)
        what = "a call answered once the queue has a leader again"
        answered = wait_for(lambda: answers(caller), RECOVERY_BOUND_SECONDS, 0.2, what)
    finally:
        for node in (follower, leader):
            if node.process is None:
                broker_cluster.restart(node)  # the cluster whole again for the next test
    print(f"\nno leader: {lost} calls unanswered; with a leader again: {answered}; {EXECUTED=}")
    assert answered == "after" and "lost" not in EXECUTED  # none executed after its deadline


def calls_until(caller: Any, deadline: float) -> int:
    """Calls made until `deadline`, none answered (no leader takes the requests): how many."""
    lost = 0
    while time.monotonic() < deadline:
        with pytest.raises((GatewayTimeout, ServiceUnavailable)):
            call(caller, "record", "lost")
        lost += 1
    return lost


def answers(caller: Any) -> str | None:
    try:
        return str(call(caller, "record", "after"))
    except (GatewayTimeout, ServiceUnavailable):
        return None


def coordinator_token(system: System) -> str:
    """A sub-district coordinator covering the households' tambon, known to notifications (each
    registration then files one notification)."""
    gateway = system.gateways[0]
    admin = {"Authorization": f"Bearer {token(gateway, 'admin', ADMIN_PASSWORD)}"}
    username = f"coordinator.{uuid.uuid4().hex[:6]}"
    person = {
        "username": username,
        "display_name": "Coordinator",
        "roles": ["subdistrict_coordinator"],
        "areas": ["240101"],
        "password": PASSWORD,
    }
    answer = requests.post(f"{gateway}/api/v1/people", json=person, headers=admin, timeout=30)
    assert answer.status_code == 201, answer.text
    person_id = answer.json()["id"]
    wait_for(lambda: known_to_notifications(system, person_id), timeout=60, interval=0.2)
    return token(gateway, username, PASSWORD)


def token(gateway: str, username: str, password: str) -> str:
    body = {"username": username, "password": password}
    answer = requests.post(f"{gateway}/api/v1/auth/token", json=body, timeout=30)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def known_to_notifications(system: System, person_id: str) -> bool:
    people = notifications_db.tables["people"]
    engine = make_engine(database_url(system.config, "notifications"), pool_size=1)
    try:
        with engine.connect() as connection:
            query = select(people.c.person_id).where(people.c.person_id == person_id)
            return connection.execute(query).first() is not None
    finally:
        engine.dispose()


def busiest_queues(config: dict[str, Any]) -> set[str]:
    """The queues every write passes: households' RPC requests, and each handler of its event."""
    event = ("households", EVENT)
    handlers = [h.name for h in handler_queues(config) if (h.source, h.event_type) == event]
    return {RPC_QUEUE_TEMPLATE.format("households"), *handlers}


def leaders(cluster: BrokerCluster, system: System) -> Counter[str]:
    busiest = busiest_queues(system.config)
    return Counter(q["leader"] for q in cluster.queues(system.vhost) if q["name"] in busiest)


def back_in_queues(cluster: BrokerCluster, system: System, node: OwnBroker) -> bool:
    """The node is a live member of every one of the busiest queues again."""
    busiest = busiest_queues(system.config)
    queues = [q for q in cluster.queues(system.vhost) if q["name"] in busiest]
    return bool(queues) and all(node.node in q["online"] for q in queues)


def all_ready(system: System) -> bool:
    """Every process alive, and ready: its services started, databases answering, every queue
    consumer holding a broker connection."""
    assert_alive(system)
    return all(answers_ready(url) for url in system.ready_urls.values())


def answers_ready(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def wait_for_writes(
    stream: GatewayWrites, system: System, count: int, started_after: float = 0.0
) -> None:
    def written() -> bool:
        assert_alive(system)
        return len(stream.acknowledged(started_after)) >= count

    wait_for(written, timeout=90, interval=0.1, what=f"{count} acknowledged writes")


def wait_for_recovery(stream: GatewayWrites, system: System, killed: float) -> float:
    def first_success() -> float | None:
        assert_alive(system)
        return stream.first_success_after(killed)

    what = "a write sent after the kill to be acknowledged"
    return wait_for(first_success, timeout=RECOVERY_BOUND_SECONDS, interval=0.05, what=what)


def settle(system: System) -> Ledger:
    """The databases once every committed event is applied (or SETTLE_SECONDS have passed, when
    the assertions say what is missing)."""
    latest: list[Ledger] = []

    def caught_up() -> bool:
        assert_alive(system)
        latest[:] = [read_ledger(system.config)]
        return latest[0].caught_up()

    with contextlib.suppress(AssertionError):  # the assertions say what is missing
        wait_for(caught_up, timeout=SETTLE_SECONDS, interval=0.5, what="the events applied")
    return latest[0]


def assert_written_once(tally: Tally, summary: str) -> None:
    """Every acknowledged write has its row, every row was acknowledged, each its one event."""
    assert not tally.lost_writes() and not tally.unacknowledged_rows(), summary
    assert Counter(tally.ledger.events.values()) == Counter(tally.ledger.households), summary


def assert_applied_once(tally: Tally, summary: str) -> None:
    """Every event published, and applied exactly once by each consumer."""
    ledger, committed = tally.ledger, set(tally.ledger.events)
    assert ledger.unpublished == 0, summary
    assert all(ids == committed for ids in ledger.applied.values()), summary
    for consumer in APPLIED_MARKS:
        assert set(tally.applied_per_event(consumer).values()) == {1}, summary
    assert ledger.known_to_teams == ledger.notified == Counter(ledger.households), summary


def broker_passwords_in(logs: Path) -> list[str]:
    """Logs that show a broker's password (every broker of the cluster has the same one)."""
    return [path.name for path in logs.glob("*.log") if "guest:guest@" in path.read_text()]


def assert_alive(system: System) -> None:
    for name, process in system.processes.items():
        assert process.poll() is None, f"{name} died:\n{log_tail(system.logs / f'{name}.log')}"
