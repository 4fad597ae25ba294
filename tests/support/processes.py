"""Running the project's own commands as separate processes, the way `make run` does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from infra.config import PROJECT_ROOT


def environment(**settings: Any) -> dict[str, str]:
    env = {**os.environ, "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    env.update({key: str(value) for key, value in settings.items()})
    return env


def run_module(module: str, *args: str, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        check=True,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
    )


def start_module(
    module: str, *args: str, env: dict[str, str], log_path: Any = None
) -> subprocess.Popen[bytes]:
    output = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def stop_with_sigterm(process: subprocess.Popen[bytes], timeout: float = 60) -> int | None:
    """SIGTERM `process` and return its exit code (None if it is still running after `timeout`
    seconds, when it is killed). The service gives up on a stuck stop by itself well before."""
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


def log_tail(log_path: Any, lines: int = 40) -> str:
    """The end of a process's log, for a failure message."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return "".join(log.readlines()[-lines:])
