"""Idempotency keys when the first answer is lost, over HTTP on both backends: the first request
timed out (504) while the service still did the work, or the gateway holding the key was killed
mid-request. A resend with the same key must get the first outcome, never 409 forever or "a member
already belongs to another household" for the client's own registration."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.e2e.conftest import System, launch
from tests.e2e.test_households import household_body
from tests.e2e.test_teams import PASSWORD
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template
from tests.support.waiting import wait_for

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
VILLAGE = "24010501"


@pytest.fixture(scope="module", params=BACKENDS)
def slow(request, tmp_path_factory, rabbit_admin) -> Iterator[System]:
    """A system whose RPC deadline (2 s) and idempotency lease (4 s) are short."""
    settings: dict[str, object] = {"RPC_TIMEOUT_SECONDS": 2, "IDEMPOTENCY_LEASE_SECONDS": 4}
    prefix = new_prefix()
    if request.param == "postgresql":
        settings["DATABASE_URL"] = postgres_template(prefix)
    try:
        yield from launch(tmp_path_factory.mktemp(request.param), rabbit_admin, **settings)
    finally:
        if request.param == "postgresql":
            drop_postgres_databases(prefix)


@pytest.fixture(scope="module")
def coordinator(slow: System) -> str:
    body = {
        "username": f"coordinator.{uuid.uuid4().hex[:6]}",
        "display_name": "Coordinator",
        "roles": ["subdistrict_coordinator"],
        "areas": [VILLAGE[:6]],
        "password": PASSWORD,
    }
    created = requests.post(
        f"{slow.url}/api/v1/people",
        json=body,
        headers={"Authorization": f"Bearer {slow.admin_token}"},
        timeout=10,
    )
    assert created.status_code == 201, created.text
    return slow.token(body["username"], PASSWORD)


def register(system: System, token: str, body: dict, key: str) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": key}
    return requests.post(f"{system.url}/api/v1/households", json=body, headers=headers, timeout=30)


def database(system: System, service: str) -> str:
    template = (
        system.env.get("DATABASE_URL") or f"sqlite:///{system.env['DATA_DIR']}/{{service}}.sqlite"
    )
    return template.format(service=service)


def scalar(system: System, service: str, query: str, **params: object) -> object:
    engine = create_engine(database(system, service))
    try:
        with engine.connect() as connection:
            return connection.execute(text(query), params).scalar()
    finally:
        engine.dispose()


def registered(system: System, key: str) -> object:
    """The household a registration with this key made, once it committed."""
    query = "SELECT result FROM client_requests WHERE client_key = :k"
    kept = scalar(system, "households", query, k=key)
    return None if kept is None else json.loads(str(kept))["id"]


@contextmanager
def households_held(system: System) -> Iterator[None]:
    """Writes to households wait (the service is slow) until the block ends."""
    url = database(system, "households")
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    engine = create_engine(url)
    with engine.connect() as held:
        held.execute(text("LOCK TABLE households IN EXCLUSIVE MODE"))
        try:
            yield
        finally:
            held.rollback()
    engine.dispose()


def test_a_resend_after_a_timeout_gets_the_first_outcome(slow, coordinator):
    key, body = uuid.uuid4().hex, household_body()
    with households_held(slow):
        first = register(slow, coordinator, body, key)
    assert first.status_code == 504, first.text
    household_id = wait_for(lambda: registered(slow, key), what="the slow registration to commit")
    again = register(slow, coordinator, body, key)
    assert again.status_code == 201, again.text
    assert again.json()["id"] == household_id
    replayed = register(slow, coordinator, body, key)
    assert replayed.json()["id"] == household_id and replayed.headers["Idempotent-Replayed"]
    other = register(slow, coordinator, household_body(), key)
    assert other.status_code == 422 and other.json()["errors"][0]["field"] == "Idempotency-Key"


def test_a_key_left_pending_by_a_killed_gateway_is_usable_after_its_lease(slow, coordinator):
    key, body = uuid.uuid4().hex, household_body()
    with households_held(slow):
        sent = threading.Thread(
            target=_ignoring_errors(register), args=(slow, coordinator, body, key)
        )
        sent.start()
        wait_for(
            lambda: scalar(
                slow, "gateway", "SELECT state FROM idempotency_keys WHERE key = :k", k=key
            ),
            what="the gateway to claim the key",
        )
        slow.processes.pop("gateway").kill()  # kill -9 mid-request: the claim stays pending
        sent.join()
    slow.start("gateway")
    slow.wait_until_healthy()
    resent = wait_for(
        lambda: _unless_conflict(register(slow, coordinator, body, key)),
        timeout=30,
        interval=0.5,
        what="the lease of the dead gateway's claim to run out",
    )
    # The gateway may die before or after its request left for households (an unconfirmed
    # publish): either the first registration committed and the resend gets it, or the resend
    # registers. Either way one household answers for the key, never two or a 409 forever.
    assert resent.status_code == 201, resent.text
    assert resent.json()["id"] == registered(slow, key)


def _unless_conflict(answer: requests.Response) -> requests.Response | None:
    return None if answer.status_code == 409 else answer


def _ignoring_errors(call):  # the connection dies with the gateway
    def run(*args):
        with suppress(requests.RequestException):
            call(*args)

    return run
