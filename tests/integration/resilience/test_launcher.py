"""`make run`'s launcher with every process, under load: a service killed with kill -9 is restarted
and loses no event; SIGTERM stops everything within the grace period, with exit code 0 and an
answer to every request that reached the gateway (2xx, or 503 with Retry-After)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from infra.config import PROJECT_ROOT
from tests.e2e.conftest import System, prepared_environment
from tests.integration.helpers import coordinator_known_to_notifications
from tests.integration.resilience.load import Outcomes, load_until_refused
from tests.integration.test_shutdown import counts, publish_many
from tests.support.databases import (
    drop_postgres_databases,
    new_prefix,
    postgres_template,
    sqlite_template,
)
from tests.support.processes import log_tail, run_module
from tests.support.waiting import wait_for

EVENTS = 1500
STOP_SECONDS = 20  # the runner's own deadline; the launcher allows each group 10 s more
CLIENTS = 120


@dataclass
class Launched:
    launcher: subprocess.Popen[bytes]
    system: System
    config: dict[str, str]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def child_pid(self, name: str) -> int | None:
        for entry in Path("/proc").iterdir():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:  # not a process, or gone meanwhile
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.launcher.pid and command[-2:] == [name.encode(), b""]:
                return int(entry.name)
        return None


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def launched(request, rabbit_admin, tmp_path_factory) -> Iterator[Launched]:
    tmp = tmp_path_factory.mktemp("launcher")
    prefix = new_prefix()
    database = sqlite_template(tmp) if request.param == "sqlite" else postgres_template(prefix)
    vhost = rabbit_admin.create_vhost()
    env = {
        **prepared_environment(tmp, vhost),
        "DATABASE_URL": database,
        "STOP_SECONDS": str(STOP_SECONDS),
    }
    run_module("infra.migrate", "upgrade", env=env)
    run_module("infra.topology", env=env)
    run_module("services.teams.bootstrap", env=env)
    log_path = tmp / "launcher.log"
    with open(log_path, "wb") as log:
        launcher = subprocess.Popen(
            [sys.executable, "-m", "infra.launcher"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    system = System(f"http://{env['GATEWAY_ADDRESS']}", env, tmp)
    launched = Launched(
        launcher, system, {"AMQP_URI": env["AMQP_URI"], "DATABASE_URL": database}, log_path
    )
    try:
        system.wait_until_healthy()
        yield launched
    finally:
        if launcher.poll() is None:
            launcher.send_signal(signal.SIGTERM)
            launcher.wait(timeout=120)
        rabbit_admin.delete_vhost(vhost)
        if request.param == "postgresql":
            drop_postgres_databases(prefix)


def test_a_service_killed_under_load_is_restarted_and_loses_no_event(launched):
    config = launched.config
    coordinator_known_to_notifications(config)  # each event then files one notification
    publish_many(config["AMQP_URI"], EVENTS)
    wait_for(lambda: counts(config)[1] >= 100, timeout=60, what="notifications to get going")
    victim = launched.child_pid("notifications")
    assert victim is not None and counts(config)[1] < EVENTS
    os.kill(victim, signal.SIGKILL)
    wait_for(
        lambda: launched.child_pid("notifications") not in (None, victim),
        timeout=30,
        what="the launcher to start notifications again",
    )
    wait_for(lambda: counts(config)[1] == EVENTS, timeout=180, what="every event to be applied")
    assert counts(config) == (EVENTS, EVENTS)
    assert launched.launcher.poll() is None, log_tail(launched.log_path)
    assert "launcher: notifications exited with -9; restarting it in" in launched.log()


def test_sigterm_under_load_answers_every_request_and_exits_0(launched):
    system = launched.system
    token = system.token()
    outcomes = Outcomes()
    clients = load_until_refused(system.url, token, CLIENTS, outcomes)
    wait_for(
        lambda: outcomes.answered() >= 300 or all(client.dead for client in clients),
        timeout=120,
        what="the load to build up",
    )
    assert outcomes.answered() >= 300, outcomes
    launched.launcher.send_signal(signal.SIGTERM)
    # each process exits 1 if it had to kill its workers after STOP_SECONDS, and the launcher
    # reports that (or a process it had to kill) in its own exit code: 0 means all were in time
    exit_code = launched.launcher.wait(timeout=4 * STOP_SECONDS)
    for client in clients:
        client.wait()
    assert exit_code == 0, log_tail(launched.log_path)
    assert "launcher: stopped\n" in launched.log()
    assert outcomes.unanswered == [], outcomes.unanswered[:5]
    assert outcomes.wrong == [], outcomes.wrong[:5]
    assert outcomes.refused_with_retry_after > 0, "the stop must have met requests"
