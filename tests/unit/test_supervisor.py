"""`make run`'s supervision: restart with back-off, give up on a crash loop, report failed stops.
Fake children and a fake clock: nothing sleeps."""

from __future__ import annotations

import subprocess

import pytest

from infra import launcher
from infra.supervisor import CrashLoop, RestartPolicy, Supervisor


class FakeChild:
    def __init__(self, name: str, stop_code: int | None = 0) -> None:
        self.name = name
        self.returncode: int | None = None
        self.stop_code = stop_code  # None: ignores SIGTERM
        self.signals: list[int] = []
        self.killed = False

    def poll(self) -> int | None:
        return self.returncode

    def die(self, code: int = 1) -> None:
        self.returncode = code

    def send_signal(self, signum: int) -> None:
        self.signals.append(signum)
        if self.stop_code is not None:
            self.returncode = self.stop_code

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None and timeout is not None:
            raise subprocess.TimeoutExpired("fake", timeout)
        return self.returncode if self.returncode is not None else -9

    def kill(self) -> None:
        self.killed = True
        self.returncode = -9


class Harness:
    def __init__(self, policy: RestartPolicy) -> None:
        self.spawned: list[FakeChild] = []
        self.lines: list[str] = []
        self.supervisor = Supervisor(self.spawn, policy, say=self.lines.append)

    def spawn(self, name: str) -> FakeChild:
        child = FakeChild(name)
        self.spawned.append(child)
        return child

    def current(self, name: str) -> FakeChild:
        return [c for c in self.spawned if c.name == name][-1]

    def starts_of(self, name: str) -> int:
        return sum(1 for c in self.spawned if c.name == name)


POLICY = RestartPolicy(first_delay=1, max_delay=8, limit=3, window=60)


@pytest.fixture
def harness() -> Harness:
    started = Harness(POLICY)
    started.supervisor.start(["households", "gateway"])
    return started


def test_a_dead_child_is_restarted_after_its_delay_and_the_others_are_left_alone(harness):
    harness.current("households").die(1)
    harness.supervisor.tick(100.0)
    assert harness.starts_of("households") == 1  # not yet: the delay has not passed
    harness.supervisor.tick(100.9)
    assert harness.starts_of("households") == 1
    harness.supervisor.tick(101.0)
    assert harness.starts_of("households") == 2
    assert harness.starts_of("gateway") == 1
    assert harness.lines == [
        "launcher: households exited with 1; restarting it in 1s "
        "(restart 1 of 3 allowed within 60s)"
    ]


def test_the_delay_doubles_with_each_restart_in_the_window(harness):
    now, delays = 0.0, []
    for _ in range(3):
        harness.current("households").die(1)
        harness.supervisor.tick(now)
        due = harness.supervisor.children["households"].start_at
        delays.append(due - now)
        now = due
        harness.supervisor.tick(now)
    assert delays == [1, 2, 4]


def test_the_delay_is_capped():
    assert RestartPolicy(first_delay=1, max_delay=8).delay(10) == 8


def test_a_crash_loop_gives_up(harness):
    now = 0.0
    for _ in range(3):
        harness.current("households").die(1)
        harness.supervisor.tick(now)
        now = harness.supervisor.children["households"].start_at
        harness.supervisor.tick(now)
    harness.current("households").die(1)
    with pytest.raises(CrashLoop, match="households exited with 1 after 3 restarts within 60s"):
        harness.supervisor.tick(now + 1)


def test_restarts_older_than_the_window_are_forgiven(harness):
    now = 0.0
    for _ in range(10):  # one crash every 61 s never makes a loop, and never grows the delay
        harness.current("households").die(1)
        harness.supervisor.tick(now)
        assert harness.supervisor.children["households"].start_at == now + 1
        harness.supervisor.tick(now + 1)
        now += 61
    assert harness.starts_of("households") == 11


def test_the_policy_is_read_from_configuration():
    policy = RestartPolicy.of({"RESTART_LIMIT": "7", "RESTART_WINDOW_SECONDS": "30"})
    assert (policy.limit, policy.window, policy.first_delay) == (7, 30.0, 1.0)


def test_stop_sigterms_the_gateway_before_the_services_and_reports_nothing_when_clean():
    order: list[str] = []

    class Recording(FakeChild):
        def send_signal(self, signum: int) -> None:
            order.append(self.name)
            super().send_signal(signum)

    children = {"households": Recording("households"), "gateway": Recording("gateway")}
    assert launcher.stop(children, grace_seconds=5) == []
    assert order == ["gateway", "households"]


def test_stop_reports_a_child_that_exited_non_zero_or_had_to_be_killed():
    children = {
        "gateway": FakeChild("gateway", stop_code=1),
        "households": FakeChild("households", stop_code=None),
    }
    failures = launcher.stop(children, grace_seconds=0)
    assert failures == [
        "gateway exited with 1 while stopping",
        "households did not stop within 0s and was killed",
    ]
    assert children["households"].killed


def test_make_run_gives_each_service_its_own_listener_port() -> None:
    services = {"households": "a:A", "teams": "b:B", "funding": "c:C"}
    config = {"SERVICES": services, "HEALTH_PORT_BASE": 9101}
    assert launcher.health_ports(config) == {"households": 9101, "teams": 9102, "funding": 9103}
    assert launcher.health_ports({"SERVICES": services, "HEALTH_PORT_BASE": ""}) == {}
