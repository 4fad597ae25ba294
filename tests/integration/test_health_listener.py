"""The Kubernetes probes of a service process: HEALTH_PORT serves /health/live and /health/ready,
ready follows the database and the broker connection, and probing creates nothing on the broker.
"""

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from infra.config import database_url
from tests.support.databases import POSTGRES_SERVER
from tests.support.ports import free_port
from tests.support.processes import environment, log_tail, run_module, start_module
from tests.support.waiting import wait_for

SERVICE = "households"


def probe(port, path):
    try:
        return requests.get(f"http://127.0.0.1:{port}{path}", timeout=10).status_code
    except requests.ConnectionError:
        return None


def queue_names(rabbit_admin, vhost):
    response = requests.get(
        f"{rabbit_admin.base}/queues/{quote(vhost, safe='')}", auth=rabbit_admin.auth, timeout=10
    )
    response.raise_for_status()
    return sorted(queue["name"] for queue in response.json())


def make_unreachable(config, name):
    """SQLite: the folder of the files goes; PostgreSQL: the process's database is dropped."""
    url = make_url(database_url(config, name))
    if url.get_backend_name() == "sqlite":
        shutil.rmtree(Path(url.database).parent)
        return
    engine = create_engine(f"{POSTGRES_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{url.database}" WITH (FORCE)'))
    engine.dispose()


def probed_process(name, tmp_path, amqp_uri, database):
    """`python -m infra.runner <name>` with its probes on a free port: a service's HEALTH_PORT,
    the gateway's own web server."""
    port = free_port()
    settings = {"HEALTH_PORT": port}
    if name == "gateway":
        settings = {"GATEWAY_ADDRESS": f"127.0.0.1:{port}", "JWT_SECRET": "x" * 32}
    env = environment(AMQP_URI=amqp_uri, DATABASE_URL=database, DATA_DIR=tmp_path, **settings)
    run_module("infra.migrate", "upgrade", name, env=env)
    log_path = tmp_path / f"{name}.log"
    return port, start_module("infra.runner", name, env=env, log_path=log_path), log_path


@pytest.fixture
def running():
    started = []

    def start(*args):
        port, process, log_path = probed_process(*args)
        started.append(process)
        wait_for(
            lambda: probe(port, "/health/ready") == 200 or process.poll() is not None,
            timeout=60,
            what="the process to be ready",
        )
        assert process.poll() is None, log_tail(log_path)
        return port

    yield start
    for process in started:
        process.kill()
        process.wait()


@pytest.mark.parametrize("name", ["households", "gateway"])
def test_ready_follows_the_database_and_probes_touch_nothing_on_the_broker(
    name, running, tmp_path, rabbit_admin, vhost, database_template, make_config
):
    config = make_config(database_template.replace(str(tmp_path), str(tmp_path / "db")))
    port = running(name, tmp_path, config["AMQP_URI"], config["DATABASE_URL"])
    queues_before = queue_names(rabbit_admin, vhost)
    for _ in range(5):
        assert probe(port, "/health/live") == 200
        assert probe(port, "/health/ready") == 200
    assert queue_names(rabbit_admin, vhost) == queues_before

    make_unreachable(config, name)
    assert probe(port, "/health/ready") == 503
    assert probe(port, "/health/live") == 200
    assert queue_names(rabbit_admin, vhost) == queues_before


def test_a_service_answers_only_its_probes(running, tmp_path, amqp_uri, sqlite_database_template):
    port = running(SERVICE, tmp_path, amqp_uri, sqlite_database_template)
    assert probe(port, "/health/other") == 404


def recreate_vhost(rabbit_admin, vhost):
    name = quote(vhost, safe="")
    for path, body in (
        (f"vhosts/{name}", {}),
        (f"permissions/{name}/guest", {"configure": ".*", "write": ".*", "read": ".*"}),
    ):
        response = requests.put(
            f"{rabbit_admin.base}/{path}", json=body, auth=rabbit_admin.auth, timeout=10
        )
        response.raise_for_status()


def test_ready_goes_down_with_the_broker(
    running, tmp_path, rabbit_admin, vhost, amqp_uri, database_template
):
    """The vhost goes (the broker closes every connection and refuses new ones), then returns."""
    port = running(SERVICE, tmp_path, amqp_uri, database_template)
    rabbit_admin.delete_vhost(vhost)
    wait_for(lambda: probe(port, "/health/ready") == 503, timeout=30, what="not ready")
    assert probe(port, "/health/live") == 200
    recreate_vhost(rabbit_admin, vhost)
    wait_for(lambda: probe(port, "/health/ready") == 200, timeout=60, what="ready again")
