"""The probes of every process of the running system: live, and ready with the database at its
latest migration and the broker connected (the gateway on its own port, each service on its
health listener)."""

from __future__ import annotations

import pytest
import requests

from tests.e2e.conftest import System

SERVICES = ["households", "teams", "funding", "notifications"]
READY = {"status": "ok", "database": "ok", "broker": "ok", "migrations": "ok"}


@pytest.mark.parametrize("name", [*SERVICES, "gateway"])
def test_every_process_is_live_and_ready(system: System, name: str) -> None:
    base = system.url if name == "gateway" else system.listener(name)
    assert requests.get(f"{base}/health/live", timeout=10).json() == {"status": "ok"}
    ready = requests.get(f"{base}/health/ready", timeout=10)
    assert ready.status_code == 200 and ready.json() == READY
