"""`make run`: every service and the gateway as child processes, stopped together.

Ctrl-C or SIGTERM (to the launcher, or to the `make` that started it) sends SIGTERM to each child
and waits for it to finish its work. If one child dies on
its own, the others are stopped too and the launcher exits non-zero, so a supervisor (systemd,
compose) sees the failure instead of a half-running system.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from infra.config import load_config

STOP_GRACE_SECONDS = 30


def start(names: list[str]) -> dict[str, subprocess.Popen[bytes]]:
    return {
        name: subprocess.Popen([sys.executable, "-m", "infra.runner", name], start_new_session=True)
        for name in names
    }


def stop(children: dict[str, subprocess.Popen[bytes]]) -> None:
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for name, child in children.items():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            print(f"launcher: {name} did not stop in {STOP_GRACE_SECONDS}s; killing it", flush=True)
            child.kill()


def main() -> int:
    config = load_config()
    names = [*config["SERVICES"], "gateway"]
    requested_stop = False

    def request_stop(_signum: int, _frame: Any) -> None:
        nonlocal requested_stop
        requested_stop = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    parent = os.getppid()
    children = start(names)
    print(
        f"launcher: started {', '.join(names)}; gateway on http://{config['WEB_SERVER_ADDRESS']}",
        flush=True,
    )
    while not requested_stop and all(c.poll() is None for c in children.values()):
        time.sleep(0.2)
        requested_stop = requested_stop or os.getppid() != parent  # `make` itself was killed
    died = {n: c.returncode for n, c in children.items() if c.poll() is not None}
    stop(children)
    if died and not requested_stop:
        print(f"launcher: stopped everything because {died} exited", flush=True)
        return 1
    print("launcher: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
