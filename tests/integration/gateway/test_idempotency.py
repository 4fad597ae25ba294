"""The idempotency store against a real database, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import update
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request, Response

from gateway.db import idempotency_keys
from gateway.idempotency import Claim, IdempotencyStore, ReplayResponse
from gateway.problems import response_for
from infra.errors import Conflict, ValidationFailed
from tests.support.databases import upgrade

KEY = "9b2f6c1e-6f3a-4e8b-9d3c-2a1b0c9d8e7f"


@pytest.fixture
def store(config):
    upgrade(config, ["gateway"])
    made = IdempotencyStore()
    made.container = SimpleNamespace(config={**config, "IDEMPOTENCY_LEASE_SECONDS": 60})
    made.setup()
    yield made
    made.stop()


def post(body: dict) -> Request:
    environ = EnvironBuilder(
        method="POST",
        path="/api/v1/households",
        data=json.dumps(body),
        content_type="application/json",
    ).get_environ()
    return Request(environ)


def age_the_claim(store: IdempotencyStore, seconds: float) -> None:
    """As if the claim had been taken `seconds` ago (a gateway killed mid-request left it)."""
    with store.engine.begin() as connection:
        row = connection.execute(idempotency_keys.select()).one()
        connection.execute(
            update(idempotency_keys).values(created_at=row.created_at - timedelta(seconds=seconds))
        )


def test_a_pending_claim_blocks_a_resend_until_its_lease_runs_out(store):
    store.claim("p1", KEY, post({"a": 1}))  # the gateway holding it was killed here
    with pytest.raises(Conflict) as pending:
        store.claim("p1", KEY, post({"a": 1}))
    answer = response_for(pending.value)
    assert answer.status_code == 409 and answer.headers["Retry-After"] == "2"
    age_the_claim(store, 61)
    assert store.claim("p1", KEY, post({"a": 1})) == Claim("p1", KEY)
    with pytest.raises(Conflict):  # the one taking over now holds a fresh lease
        store.claim("p1", KEY, post({"a": 1}))


def test_an_expired_lease_is_not_taken_over_by_a_different_request(store):
    store.claim("p1", KEY, post({"a": 1}))
    age_the_claim(store, 61)
    with pytest.raises(ValidationFailed) as refused:
        store.claim("p1", KEY, post({"a": 2}))
    assert refused.value.errors[0].field == "Idempotency-Key"


def test_after_a_timeout_the_key_stays_with_its_request_and_a_resend_runs(store):
    claim = store.claim("p1", KEY, post({"a": 1}))
    store.unknown(claim)
    with pytest.raises(ValidationFailed):
        store.claim("p1", KEY, post({"a": 2}))
    again = store.claim("p1", KEY, post({"a": 1}))
    store.complete(again, Response('{"id": "h1"}', status=201, mimetype="application/json"))
    with pytest.raises(ReplayResponse) as replayed:
        store.claim("p1", KEY, post({"a": 1}))
    assert replayed.value.response.status_code == 201
