"""`make run`: every service and the gateway as child processes, supervised, stopped together.

A child that dies on its own is restarted with back-off (supervisor.py); one that crash-loops makes
the launcher stop everything and exit 1, so whatever runs it (systemd, compose) sees the failure.
Ctrl-C or SIGTERM (to the launcher, or to the `make` that started it) stops the gateway first (it
refuses new requests and finishes those in flight while the services still answer them), then
the services. The exit code is 0 only if every child stopped cleanly: one that exited non-zero or
had to be killed makes it 1, and says which.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from infra.config import load_config
from infra.supervisor import CrashLoop, RestartPolicy, Supervisor

GATEWAY = "gateway"
TICK_SECONDS = 0.2


def health_ports(config: dict[str, Any]) -> dict[str, int]:
    """Each service's HEALTH_PORT (its probes and /metrics): HEALTH_PORT_BASE, then the next
    ports in the order of SERVICES; none when HEALTH_PORT_BASE is empty. The gateway answers
    both on its own web port."""
    base = config.get("HEALTH_PORT_BASE")
    if base in (None, ""):
        return {}
    return {name: int(base) + offset for offset, name in enumerate(config["SERVICES"])}


def spawner(ports: dict[str, int]) -> Callable[[str], subprocess.Popen[bytes]]:
    def spawn(name: str) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        if name in ports:
            env["HEALTH_PORT"] = str(ports[name])
        command = [sys.executable, "-m", "infra.runner", name]
        return subprocess.Popen(command, start_new_session=True, env=env)

    return spawn


def stop(children: dict[str, Any], grace_seconds: float) -> list[str]:
    """SIGTERM the gateway, then the services; returns what did not stop cleanly."""
    failures: list[str] = []
    gateway = {n: c for n, c in children.items() if n == GATEWAY}
    services = {n: c for n, c in children.items() if n != GATEWAY}
    for group in (gateway, services):
        failures += _stop_group(group, grace_seconds)
    return failures


def _stop_group(children: dict[str, Any], grace_seconds: float) -> list[str]:
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace_seconds
    failures = []
    for name, child in children.items():
        try:
            code = child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            failures.append(f"{name} did not stop within {grace_seconds:g}s and was killed")
            continue
        if code != 0:
            failures.append(f"{name} exited with {code} while stopping")
    return failures


def main() -> int:
    config = load_config()
    names = [*config["SERVICES"], GATEWAY]
    grace = float(config.get("STOP_SECONDS", 20)) + 10  # the runner gives up on its own first
    requested_stop = False

    def request_stop(_signum: int, _frame: Any) -> None:
        nonlocal requested_stop
        requested_stop = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    parent = os.getppid()
    supervisor = Supervisor(
        spawner(health_ports(config)),
        RestartPolicy.of(config),
        say=lambda line: print(line, flush=True),
    )
    supervisor.start(names)
    print(
        f"launcher: started {', '.join(names)}; gateway on http://{config['WEB_SERVER_ADDRESS']}",
        flush=True,
    )
    try:
        while not requested_stop:
            time.sleep(TICK_SECONDS)
            requested_stop = requested_stop or os.getppid() != parent  # `make` itself was killed
            supervisor.tick(time.monotonic())
    except CrashLoop as crash_loop:
        print(f"launcher: {crash_loop}; stopping everything", flush=True)
        stop(supervisor.processes(), grace)
        return 1
    failures = stop(supervisor.processes(), grace)
    if failures:
        print(f"launcher: stopped, but {'; '.join(failures)}", flush=True)
        return 1
    print("launcher: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
