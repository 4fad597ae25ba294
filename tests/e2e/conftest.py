"""The running system, started the way `make run` starts it, used over HTTP like any client."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from unittest.mock import patch

import pytest
import requests

from infra.config import load_config
from infra.migrate import databases
from tests.e2e.access_setup import build
from tests.e2e.access_world import World
from tests.support.broker import RabbitAdmin, amqp_uri_for
from tests.support.databases import upgrade
from tests.support.log_scan import leaks_in
from tests.support.ports import free_port
from tests.support.processes import environment, run_module, start_module
from tests.support.waiting import wait_for

PROCESSES = [*load_config()["SERVICES"], "gateway"]
ADMIN_PASSWORD = "e2e chief passphrase 42"


@dataclass
class System:
    url: str
    env: dict[str, str]
    logs: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    admin_token: str = ""
    health_ports: dict[str, int] = field(default_factory=dict)  # each service's probes, /metrics

    def start(self, name: str) -> None:
        env = self.env
        if name != "gateway":  # the gateway answers its probes and /metrics on its own port
            env = {**env, "HEALTH_PORT": str(self.health_ports.setdefault(name, free_port()))}
        self.processes[name] = start_module(
            "infra.runner", name, env=env, log_path=self.logs / f"{name}.log"
        )

    def listener(self, name: str) -> str:
        """The base URL of a service's health listener (its probes and /metrics)."""
        return f"http://127.0.0.1:{self.health_ports[name]}"

    def stop(self, *names: str) -> None:
        """SIGTERM the named processes (all when none are named) together, then wait for each."""
        stopping = [self.processes.pop(name) for name in names or list(self.processes)]
        for process in stopping:
            process.send_signal(signal.SIGTERM)
        for process in stopping:
            process.wait(timeout=30)

    def health(self) -> requests.Response:
        return requests.get(f"{self.url}/health", timeout=10)

    def healthy(self) -> bool:
        try:
            return self.health().status_code == 200
        except requests.ConnectionError:  # the gateway is not listening yet
            return False

    def wait_until_healthy(self) -> None:
        wait_for(self.healthy, timeout=60, interval=0.3, what="GET /health to answer 200")

    def token(self, username: str = "admin", password: str = ADMIN_PASSWORD) -> str:
        answer = requests.post(
            f"{self.url}/api/v1/auth/token",
            json={"username": username, "password": password},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["access_token"]

    def log_text(self) -> str:
        return "".join(path.read_text(errors="replace") for path in self.logs.glob("*.log"))


def prepared_environment(tmp: Path, vhost: str) -> dict[str, str]:
    return environment(
        AMQP_URI=amqp_uri_for(vhost),
        DATA_DIR=tmp / "data",
        GATEWAY_ADDRESS=f"127.0.0.1:{free_port()}",
        LOG_LEVEL="INFO",
        HEALTH_TIMEOUT_SECONDS=1,
        ADMIN_PASSWORD=ADMIN_PASSWORD,
        RATE_LIMIT_PER_PERSON="100000/minute",  # schemathesis sends bursts; login keeps its limit
        JWT_SECRET="e2e-secret-" + "x" * 60,
    )


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory, rabbit_admin: RabbitAdmin) -> Iterator[System]:
    """The system most e2e tests share; when they are done, its logs (every process's, after
    the whole run's registrations, imports and refusals) hold no national ID and no secret."""
    systems = launch(tmp_path_factory.mktemp("system"), rabbit_admin)
    running = next(systems)
    try:
        yield running
        leaked = leaks_in(running.log_text(), logged_secrets(running))
    finally:
        systems.close()
    assert not leaked, f"the logs hold personal data or secrets: {leaked[:5]}"


def logged_secrets(running: System) -> list[str]:
    from tests.e2e.test_teams import PASSWORD  # the people the tests register sign in with it

    return [ADMIN_PASSWORD, PASSWORD, running.env["JWT_SECRET"]]


def launch(tmp: Path, rabbit_admin: RabbitAdmin, **settings: object) -> Iterator[System]:
    """Migrate, declare queues, bootstrap the administrator, start every process, wait for
    health; stop everything afterwards. `settings` override environment variables."""
    vhost = rabbit_admin.create_vhost()
    env = prepared_environment(tmp, vhost)
    env.update({key: str(value) for key, value in settings.items()})
    migrate_every_database(env)
    run_module("infra.topology", env=env)
    run_module("services.teams.bootstrap", env=env)
    running = System(f"http://{env['GATEWAY_ADDRESS']}", env, tmp)
    for name in PROCESSES:
        running.start(name)
    try:
        running.wait_until_healthy()
        running.admin_token = running.token()
        yield running
    finally:
        running.stop()
        rabbit_admin.delete_vhost(vhost)


def migrate_every_database(env: dict[str, str]) -> None:
    """What `python -m infra.migrate upgrade` does (tests/integration/test_migrations.py runs
    that), from the session's migrated templates: a copy instead of every migration per launch."""
    with patch.dict(os.environ, env):
        config = load_config()
    Path(env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    upgrade(config, list(databases(config)))


@pytest.fixture(scope="session")
def access_world(system: System) -> World:
    """Two provinces (tests/e2e/access_world.py), built once for the object and list matrices."""
    return build(system)
