"""PostgreSQL crashes (`pg_ctl -m immediate`) and comes back while households are being registered:
every service process stays up and reconnects by itself, writes succeed again within a bounded
time, every acknowledged write has its rows, a write that failed failed whole, and every committed
event is published and applied exactly once by teams and notifications."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from typing import Any

import pytest

from infra import migrate
from infra.queues import HandlerQueues
from tests.integration.helpers import coordinator_known_to_notifications
from tests.integration.resilience.ledger import EVENT, HANDLERS, Ledger, read_ledger
from tests.integration.resilience.writes import Write, WriteStream
from tests.support.databases import new_prefix
from tests.support.own_postgres import OwnPostgres
from tests.support.processes import environment, log_tail, run_module, start_module
from tests.support.waiting import wait_for

pytestmark = pytest.mark.long

SERVICES = ("households", "teams", "notifications")
DOWN_SECONDS = 3.0  # how long the server stays down: writes in that time must fail, and cleanly
WRITES_BEFORE = 150  # acknowledged before the crash
WRITES_AFTER = 150  # acknowledged after writes work again
RECOVERY_BOUND_SECONDS = 20.0  # from the server accepting connections to a write succeeding
SETTLE_SECONDS = 90.0  # an event that failed while the server was down waits out its retries


@pytest.fixture
def services(make_config, own_postgres: OwnPostgres, tmp_path):
    config = make_config(own_postgres.database_template(new_prefix()))
    migrate.upgrade(config, list(SERVICES))
    env = environment(AMQP_URI=config["AMQP_URI"], DATABASE_URL=config["DATABASE_URL"])
    run_module("infra.topology", env=env)
    processes = {}
    try:
        for name in SERVICES:
            log_path = tmp_path / f"{name}.log"
            processes[name] = start_module("infra.runner", name, env=env, log_path=log_path)
            processes[name].log_path = log_path
        yield config, processes
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def test_postgres_crash_under_load_loses_and_repeats_nothing(
    services, own_postgres: OwnPostgres, rabbit_admin, vhost
):
    config, processes = services
    pids = {name: process.pid for name, process in processes.items()}
    coordinator_known_to_notifications(config)  # each registration then files one notification
    stream = WriteStream(config=config)
    stream.start()
    try:
        wait_for_writes(stream, processes, WRITES_BEFORE)
        crashed = time.monotonic()
        own_postgres.restart(down_seconds=DOWN_SECONDS)
        back = time.monotonic()
        recovered = wait_for_recovery(stream, processes, back)
        wait_for_writes(stream, processes, WRITES_AFTER, started_after=recovered)
    finally:
        stream.stop()
    ledger = settle(config, processes)
    report(stream, ledger, back - crashed, recovered - back)

    assert_alive(processes)
    assert {name: process.pid for name, process in processes.items()} == pids
    unanswered = [w.error for w in stream.failed() if not w.answered]
    assert not unanswered, f"{len(unanswered)} writes got no answer: {unanswered[:3]}"
    again = [w.error for w in stream.failed() if w.started > recovered]
    assert not again, f"{len(again)} writes failed after writes had recovered: {again[:3]}"
    assert_acknowledged_written(stream.acknowledged(), ledger)
    assert_failed_whole(stream.failed(), ledger)
    assert_each_event_applied_once(ledger)
    assert [parked(rabbit_admin, vhost, handler) for handler in HANDLERS] == [0] * len(HANDLERS)


def wait_for_writes(stream: WriteStream, processes, count: int, started_after: float = 0) -> None:
    def written() -> bool:
        assert_alive(processes)
        return len(stream.acknowledged(started_after)) >= count

    wait_for(written, timeout=60, interval=0.1, what=f"{count} acknowledged writes")


def wait_for_recovery(stream: WriteStream, processes, back: float) -> float:
    """When the first write started after the server came back was acknowledged."""

    def first_success() -> float | None:
        assert_alive(processes)
        done = stream.acknowledged(started_after=back)
        return min((w.finished for w in done), default=None)

    what = "a write to succeed after the restart, without restarting a service"
    return wait_for(first_success, timeout=RECOVERY_BOUND_SECONDS, interval=0.05, what=what)


def settle(config: dict[str, Any], processes) -> Ledger:
    """The databases once every committed event is applied (or SETTLE_SECONDS have passed, when
    the assertions say what is missing)."""
    latest: list[Ledger] = []

    def caught_up() -> bool:
        assert_alive(processes)
        latest[:] = [read_ledger(config)]
        return latest[0].caught_up()

    with contextlib.suppress(AssertionError):
        wait_for(caught_up, timeout=SETTLE_SECONDS, interval=0.5, what="the events applied")
    return latest[0]


def assert_acknowledged_written(acknowledged: list[Write], ledger: Ledger) -> None:
    missing = [w.seed for w in acknowledged if w.household_id not in ledger.households]
    assert not missing, f"{len(missing)} acknowledged writes have no row"
    assert all(ledger.household_of[w.national_id] == w.household_id for w in acknowledged)


def assert_failed_whole(failed: list[Write], ledger: Ledger) -> None:
    """Every household has its one member and its one event; a failed write wrote nothing, or
    (its commit done, its answer lost with the connection) everything."""
    assert set(ledger.members) == ledger.households
    assert all(count == 1 for count in ledger.members.values())
    assert Counter(ledger.events.values()) == Counter(ledger.households)
    assert all(ledger.household_of.get(w.national_id) in ledger.households | {None} for w in failed)


def assert_each_event_applied_once(ledger: Ledger) -> None:
    assert ledger.unpublished == 0, "committed events were never published"
    committed = set(ledger.events)
    for handler, applied in ledger.applied.items():
        assert applied == committed, f"{handler} missed or invented events"
    assert ledger.known_to_teams == Counter(ledger.households)
    assert ledger.notified == Counter(ledger.households)


def report(stream: WriteStream, ledger: Ledger, down: float, recovery: float) -> None:
    failed = stream.failed()
    answer_lost = [w for w in failed if w.national_id in ledger.household_of]
    events = set(ledger.events)
    print(
        f"\nPostgreSQL down {down:.1f} s (pg_ctl -m immediate, then start); writes succeeded "
        f"again {recovery:.2f} s after it accepted connections, no service restarted"
        f"\nwrites: {len(stream.writes)}, acknowledged {len(stream.acknowledged())}, failed "
        f"{len(failed)} {dict(Counter(w.error for w in failed))}, of which committed with the "
        f"answer lost {len(answer_lost)}"
        f"\nevents committed {len(events)}, unpublished {ledger.unpublished}"
    )
    rows = {"teams": ledger.known_to_teams, "notifications": ledger.notified}
    for handler, applied in ledger.applied.items():
        made = rows.get(handler, Counter(applied))
        print(
            f"{handler}: applied {len(applied & events)}, lost {len(events - applied)}, "
            f"rows {made.total()}, twice {sum(n - 1 for n in made.values())}"
        )


def parked(rabbit_admin, vhost: str, handler: str) -> int:
    queues = HandlerQueues("households", EVENT, *HANDLERS[handler], ())
    return rabbit_admin.queue_depth(vhost, queues.parked().name)


def assert_alive(processes) -> None:
    for name, process in processes.items():
        assert process.poll() is None, f"{name} died:\n{log_tail(process.log_path)}"
