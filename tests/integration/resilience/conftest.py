"""What the process-resilience tests share: one RabbitMQ node, a cluster of three, and one
PostgreSQL server of their own, each started once per session, that they may kill without
disturbing the machine's."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import own_postgres as postgres
from tests.support.broker_cluster import BrokerCluster
from tests.support.own_broker import OwnBroker, available


@pytest.fixture(scope="session")
def own_broker() -> Iterator[OwnBroker]:
    if not available():
        pytest.skip("rabbitmq-server and runuser are needed for a broker of the test's own")
    folder = Path(tempfile.mkdtemp(prefix="smile-broker-"))
    folder.chmod(0o755)  # the rabbitmq user must reach its folders
    broker = OwnBroker(folder)
    broker.start()
    yield broker
    broker.kill()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def broker_cluster() -> Iterator[BrokerCluster]:
    """Three clustered RabbitMQ nodes of the tests' own (tests/support/broker_cluster.py)."""
    if not available():
        pytest.skip("rabbitmq-server and runuser are needed for brokers of the test's own")
    folder = Path(tempfile.mkdtemp(prefix="smile-cluster-"))
    folder.chmod(0o755)  # the rabbitmq user must reach its folders
    cluster = None
    try:
        cluster = BrokerCluster(folder)
        cluster.start()
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop()  # every node, also those a failed start left running
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def own_postgres() -> Iterator[postgres.OwnPostgres]:
    if not postgres.available():
        pytest.skip("PostgreSQL's binaries, runuser and root are needed for a server of its own")
    folder = Path(tempfile.mkdtemp(prefix="smile-postgres-"))
    server = None
    try:
        server = postgres.OwnPostgres(folder)
        server.start()
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
