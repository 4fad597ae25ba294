"""Start the system the way `make run` does (migrate, declare queues, the administrator, the
launcher), on the demo's own data folder, broker vhost and gateway port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests

from infra.config import PROJECT_ROOT, load_config

DEFAULTS = {
    "DATA_DIR": "data-demo",
    "GATEWAY_ADDRESS": "127.0.0.1:8001",
    "DEMO_VHOST": "smile-demo",
    "ADMIN_PASSWORD": "chief of the demo 2026",
    # the loader is one client sending a province's records in a few minutes
    "RATE_LIMIT_PER_PERSON": "100000/minute",
    # a year of savings history: deposits, meetings and disbursements dated up to 400 days back
    "FUNDING_MAX_BACKDATE_DAYS": "400",
    # visits found overdue within seconds of the load rather than the next minute
    "VISIT_OVERDUE_CHECK_SECONDS": "5",
    "IMPORT_POLL_SECONDS": "0.5",
    # escalations that only time opens: a plan submitted by the load and left waiting escalates
    # an hour later (168 hours by default), a referral nobody accepted two hours later (336)
    "PLAN_APPROVAL_HOURS": "1",
    "REFERRAL_ACCEPTANCE_HOURS": "2",
    "LOG_LEVEL": "WARNING",
}
# what the load itself needs of the system (the rest of DEFAULTS is where the demo runs)
LOAD_SETTINGS = (
    "RATE_LIMIT_PER_PERSON",
    "FUNDING_MAX_BACKDATE_DAYS",
    "VISIT_OVERDUE_CHECK_SECONDS",
    "IMPORT_POLL_SECONDS",
)


def load_settings() -> dict[str, str]:
    """The settings a system started otherwise (by the tests) needs for the demo's load."""
    return {name: DEFAULTS[name] for name in LOAD_SETTINGS}


def demo_environment() -> dict[str, str]:
    """The environment of every process of the demo; variables already set win."""
    env = {**DEFAULTS, **os.environ}
    env["PYTHONUNBUFFERED"] = "1"
    vhost = quote(env["DEMO_VHOST"], safe="")
    env.setdefault("AMQP_URI", f"amqp://guest:guest@127.0.0.1:5672/{vhost}")
    return env


def ensure_vhost(env: dict[str, str]) -> None:
    """The demo's own broker vhost, so it runs beside `make run` without sharing its queues."""
    api = urlsplit(load_config()["RABBIT_API_URI"])
    base = f"{api.scheme}://{api.hostname}:{api.port}/api"
    auth = (api.username or "guest", api.password or "guest")
    vhost = quote(env["DEMO_VHOST"], safe="")
    user = urlsplit(env["AMQP_URI"]).username or "guest"
    for path, body in (
        (f"vhosts/{vhost}", {}),
        (f"permissions/{vhost}/{user}", {"configure": ".*", "write": ".*", "read": ".*"}),
    ):
        requests.put(f"{base}/{path}", json=body, auth=auth, timeout=10).raise_for_status()


def prepare(env: dict[str, str]) -> None:
    """What `make run` does before it starts the processes."""
    Path(PROJECT_ROOT, env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    for module, *args in (
        ("infra.migrate", "upgrade"),
        ("infra.topology",),
        ("services.teams.bootstrap",),
    ):
        subprocess.run(
            [sys.executable, "-m", module, *args],
            env=env,
            cwd=PROJECT_ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The launcher, its output (every process's log lines) in the data folder."""
    log = open(Path(PROJECT_ROOT, env["DATA_DIR"], "system.log"), "ab")  # noqa: SIM115
    return subprocess.Popen(
        [sys.executable, "-m", "infra.launcher"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_until_healthy(url: str, launcher: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if launcher.poll() is not None:
            raise SystemExit(f"the system stopped while starting (exit {launcher.returncode})")
        try:
            if requests.get(f"{url}/health", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url}/health did not answer 200 within {seconds:g}s")
