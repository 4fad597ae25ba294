"""What the process-resilience tests share: one RabbitMQ node of their own, started once per
session, that they may kill -9 without disturbing the machine's broker."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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
