"""The broker permissions of deploy/k8s (one user per process, its own queues only) on the real
broker: every process starts and answers under its own user; one cannot read another's queue."""

import uuid
from urllib.parse import quote

import amqp
import pytest
import requests
from kombu import Connection

from tests.deploy.manifests import render
from tests.integration.test_health_listener import probe
from tests.support.ports import free_port
from tests.support.processes import environment, log_tail, run_module, start_module
from tests.support.waiting import wait_for

PROCESSES = ["households", "teams", "funding", "notifications", "gateway"]


def manifest_permissions():
    return {
        doc["metadata"]["name"].removeprefix("smile-"): doc["spec"]["permissions"]
        for doc in render("base")
        if doc["kind"] == "Permission"
    }


@pytest.fixture
def broker_users(rabbit_admin, vhost):
    """A user per process on the test vhost, with the manifests' permissions."""
    users = {}
    for name, permissions in manifest_permissions().items():
        user, password = f"test-{uuid.uuid4().hex[:8]}-{name}", uuid.uuid4().hex
        for path, body in (
            (f"users/{user}", {"password": password, "tags": ""}),
            (f"permissions/{quote(vhost, safe='')}/{user}", permissions),
        ):
            response = requests.put(
                f"{rabbit_admin.base}/{path}", json=body, auth=rabbit_admin.auth, timeout=10
            )
            response.raise_for_status()
        users[name] = f"amqp://{user}:{password}@127.0.0.1:5672/{quote(vhost, safe='')}"
    yield users
    for uri in users.values():
        user = uri.split("//")[1].split(":")[0]
        requests.delete(f"{rabbit_admin.base}/users/{user}", auth=rabbit_admin.auth, timeout=10)


@pytest.fixture
def system(tmp_path, broker_users, sqlite_database_template):
    env = environment(AMQP_URI=broker_users["migrate"], DATABASE_URL=sqlite_database_template)
    run_module("infra.migrate", "upgrade", env=env)
    run_module("infra.topology", env=env)
    started = {}
    for name in PROCESSES:
        port = free_port()
        settings = {"HEALTH_PORT": port}
        if name == "gateway":
            settings = {"GATEWAY_ADDRESS": f"127.0.0.1:{port}", "JWT_SECRET": "x" * 32}
        env = environment(
            AMQP_URI=broker_users[name],
            DATABASE_URL=sqlite_database_template,
            DATA_DIR=tmp_path,
            **settings,
        )
        log = tmp_path / f"{name}.log"
        started[name] = (port, start_module("infra.runner", name, env=env, log_path=log), log)
    yield started
    for _, process, _ in started.values():
        process.kill()
        process.wait()


def test_every_process_runs_under_its_own_user(system):
    for name, (port, process, log) in system.items():
        wait_for(
            lambda: probe(port, "/health/ready") == 200 or process.poll() is not None,  # noqa: B023
            timeout=60,
            what=f"{name} to be ready",
        )
        assert process.poll() is None, log_tail(log)
    gateway_port = system["gateway"][0]
    health = requests.get(f"http://127.0.0.1:{gateway_port}/health", timeout=10)
    assert health.status_code == 200, health.text  # an RPC round trip to every service


def test_a_process_cannot_read_another_process_queue(broker_users):
    with Connection(broker_users["migrate"]) as connection:
        connection.default_channel.queue_declare("rpc-teams", durable=True)
    with (
        Connection(broker_users["households"]) as connection,
        pytest.raises(amqp.exceptions.AccessRefused),
    ):
        connection.default_channel.basic_consume("rpc-teams", callback=lambda _: None)
