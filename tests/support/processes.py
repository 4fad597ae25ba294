"""Running the project's own commands as separate processes, the way `make run` does."""

from __future__ import annotations

import os
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
