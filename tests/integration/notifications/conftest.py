"""Fixtures of the notifications integration tests: a configuration with short limits, the real
SMTP and HTTP peers on loopback, and callers."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from infra.config import load_config
from tests.integration.notifications.peers import HttpPeer, SmtpPeer
from tests.support.databases import upgrade

LINE_TOKEN = "line-test-token"


@pytest.fixture
def smtp(tmp_path) -> Iterator[SmtpPeer]:
    peer = SmtpPeer(tmp_path / "mail").start()
    yield peer
    peer.stop()


@pytest.fixture
def http_peer() -> Iterator[HttpPeer]:
    peer = HttpPeer(line_token=LINE_TOKEN).start()
    yield peer
    peer.stop()


def notifications_block(smtp_port: int, http_port: int, **changes: Any) -> dict[str, Any]:
    block = copy.deepcopy(load_config()["NOTIFICATIONS"])
    block.update(
        escalation_hours=[0.0005, 1],  # 1.8 seconds at the team expert, then an hour
        ladder_interval_seconds=0.2,
        delivery_interval_seconds=0.1,
        retry_backoff_seconds=[0.2, 0.3],
        max_delivery_attempts=3,
        digest_interval_seconds=0.2,
        smtp={"host": "127.0.0.1", "port": smtp_port, "sender": "smile@test", "timeout_seconds": 2},
        webhook={"timeout_seconds": 0.5},
        line={"endpoint": f"http://127.0.0.1:{http_port}", "channel_access_token": LINE_TOKEN,
              "timeout_seconds": 1},
    )  # fmt: skip
    block.update(changes)
    return block


@pytest.fixture
def make_notifications_config(make_config, database_template, smtp, http_peer):
    """The configuration pointed at the peers, migrated, on SQLite and PostgreSQL."""

    def make(**changes: Any) -> dict[str, Any]:
        block = notifications_block(smtp.port, http_peer.port, **changes)
        config = make_config(database_template, NOTIFICATIONS=block)
        upgrade(config, ["notifications"])
        return config

    return make


@pytest.fixture
def notif_config(make_notifications_config) -> dict[str, Any]:
    return make_notifications_config()


def caller(person_id: str, roles: list[str], areas: list[str] = ()) -> dict[str, Any]:
    return {"person_id": person_id, "username": f"u-{person_id[:8]}", "roles": roles,
            "areas": list(areas), "teams": []}  # fmt: skip


ADMIN = caller("admin", ["administrator"])
