"""Resendable commands' keys (`infra.client_requests`), on an in-memory SQLite table."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from infra.client_requests import (
    UNKNOWN_FINGERPRINT,
    ClientKey,
    ClientRequests,
    add_client_requests_table,
)
from infra.errors import Conflict
from infra.tables import new_metadata

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def requests():
    metadata = new_metadata()
    table = add_client_requests_table(metadata)
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield ClientRequests(session, table)


def deposit(amount: str, key: str | None = "k-1") -> ClientKey:
    payload = {"amount": Decimal(amount), "on": "2026-12-04"}
    return ClientKey("deposit", "member-1", {**payload, "client_key": key} if key else payload)


def test_a_first_request_does_the_work_and_its_resend_gets_the_first_answer(requests):
    first = deposit("100.00")
    assert first.answered(requests, "group-1") is None
    assert first.remember(requests, "group-1", {"balance": "100.00"}, NOW) == {"balance": "100.00"}

    assert deposit("100.00").answered(requests, "group-1") == {"balance": "100.00"}


def test_the_same_key_for_a_different_request_is_refused_naming_the_key(requests):
    deposit("100.00").remember(requests, "group-1", {"balance": "100.00"}, NOW)
    with pytest.raises(Conflict) as refused:
        deposit("999.00").answered(requests, "group-1")
    assert [error.field for error in refused.value.errors] == ["client_key"]


def test_the_same_key_for_another_command_is_refused(requests):
    deposit("100.00").remember(requests, "group-1", {}, NOW)
    withdrawal = ClientKey("withdrawal", "member-1", {"amount": "100.00", "client_key": "k-1"})
    with pytest.raises(Conflict):
        withdrawal.answered(requests, "group-1")


def test_a_key_is_unique_within_its_scope_only(requests):
    deposit("100.00").remember(requests, "group-1", {"balance": "100.00"}, NOW)
    assert deposit("999.00").answered(requests, "group-2") is None


def test_a_request_without_a_key_is_never_remembered(requests):
    unkeyed = deposit("100.00", key=None)
    unkeyed.remember(requests, "group-1", {"balance": "100.00"}, NOW)
    assert unkeyed.answered(requests, "group-1") is None
    assert requests.session.execute(requests.table.select()).all() == []


def test_a_key_moved_from_before_fingerprints_replays_for_its_command(requests):
    requests.add("group-1", "k-1", "deposit", UNKNOWN_FINGERPRINT, {"visit_id": "v-1"}, NOW)
    assert deposit("123.00").answered(requests, "group-1") == {"visit_id": "v-1"}
