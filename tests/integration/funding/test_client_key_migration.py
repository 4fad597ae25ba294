"""A client key taken before funding's answers moved to infra's `client_requests` table (scope in
place of group_id) still replays its first answer after the migration, on SQLite and
PostgreSQL: the rows keep their fingerprints, computed as funding always computed them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Column, MetaData, String, Table, Text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.errors import Conflict
from infra.migrate import alembic_config, ensure_database
from infra.tables import UtcDateTime
from services.funding.db import FundingUnitOfWork, metadata
from tests.integration.funding.desk import Desk

BEFORE = "e3bf53bf5dc3"  # funding's own client_requests table, keyed by (group_id, client_key)
OLD_TABLE = Table(
    "client_requests",
    MetaData(),
    Column("group_id", String(36), primary_key=True),
    Column("client_key", String(100), primary_key=True),
    Column("command", String(40)),
    Column("fingerprint", String(64)),
    Column("result", Text),
    Column("created_at", UtcDateTime),
)
FIRST_ANSWER = {"id": "entry-taken-before", "kind": "deposit", "amount_thb": "150.00"}


def funding_fingerprint(command: str, target_id: str, loaded: dict[str, Any]) -> str:
    """How funding fingerprinted a request before infra.client_requests."""
    body = {k: v for k, v in loaded.items() if k != "client_key"}
    canonical = json.dumps([command, target_id, body], sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@pytest.fixture
def config(database_template: str) -> dict[str, Any]:
    config = {**load_config(), "DATABASE_URL": database_template}
    ensure_database(database_url(config, "funding"))
    return config


@pytest.fixture
def engine(config: dict[str, Any]) -> Iterator[Engine]:
    engine = make_engine(database_url(config, "funding"))
    yield engine
    engine.dispose()


def test_a_key_taken_before_the_migration_replays_after_it(config, engine) -> None:
    command.upgrade(alembic_config(config, "funding"), BEFORE)
    audit = metadata.tables["audit_entries"]  # today's code writes entries; a later migration
    audit.create(engine)  # makes the table, so the set-up's is dropped before the upgrade
    sessions = sessionmaker(engine, expire_on_commit=False)
    desk = Desk(FundingUnitOfWork(sessions, metadata, source="funding", consumer="funding.tests"))
    group, maker, _ = desk.ready_group()
    member = desk.add_member(maker, group["id"])
    loaded = {"client_key": "phone-1", "amount_thb": Decimal("150.00"), "on": None}
    with engine.begin() as connection:
        connection.execute(OLD_TABLE.insert().values(_taken(group["id"], member["id"], loaded)))

    audit.drop(engine)
    command.upgrade(alembic_config(config, "funding"), "head")

    assert desk.deposit(maker, member["id"], "150.00", client_key="phone-1") == FIRST_ANSWER
    assert desk.get_member(maker, member["id"])["savings_thb"] == "0.00"  # replayed, not redone
    with pytest.raises(Conflict):
        desk.deposit(maker, member["id"], "200.00", client_key="phone-1")


def _taken(group_id: str, member_id: str, loaded: dict[str, Any]) -> dict[str, Any]:
    return {
        "group_id": group_id,
        "client_key": loaded["client_key"],
        "command": "deposit",
        "fingerprint": funding_fingerprint("deposit", member_id, loaded),
        "result": json.dumps(FIRST_ANSWER, ensure_ascii=False),
        "created_at": datetime(2026, 11, 20, tzinfo=UTC),
    }
