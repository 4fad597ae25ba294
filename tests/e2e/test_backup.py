"""`python -m infra.backup` on the running system (SQLite, the embedded default): a backup taken
while it runs, with an event still waiting in the teams outbox, restored into an empty data folder
and a new broker vhost; the restored system starts, signs the administrator in, has the person
made before the backup, and publishes the waiting event (notifications records it as handled).
PostgreSQL's pg_dump path: tests/integration/test_backup.py."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import PROCESSES, System
from tests.support.broker import RabbitAdmin, amqp_uri_for
from tests.support.ports import free_port
from tests.support.processes import run_module
from tests.support.waiting import wait_for


def sqlite_file(system: System, service: str) -> Path:
    return Path(system.env["DATA_DIR"]) / f"{service}.sqlite"


def make_person(system: System) -> dict:
    body = {
        "username": f"backup.{uuid.uuid4().hex[:8]}",
        "display_name": "Backed Up",
        "roles": ["subdistrict_coordinator"],
        "areas": ["240105"],
        "password": "backup person pass 42",
    }
    headers = {"Authorization": f"Bearer {system.admin_token}"}
    made = requests.post(f"{system.url}/api/v1/people", json=body, headers=headers, timeout=10)
    assert made.status_code == 201, made.text
    return made.json()


def leave_an_event_waiting(system: System) -> str:
    """With teams stopped, a copy of its last person_registered event, as a new event still
    waiting in its outbox; returns its id."""
    system.stop("teams")
    with sqlite3.connect(sqlite_file(system, "teams")) as db:
        payload = db.execute(
            "SELECT payload FROM outbox WHERE event_type = 'person_registered' ORDER BY id DESC"
        ).fetchone()[0]
        envelope = {**json.loads(payload), "event_id": str(uuid.uuid4())}
        db.execute(
            "INSERT INTO outbox (event_id, event_type, payload, created_at) VALUES (?, ?, ?, ?)",
            (
                envelope["event_id"],
                "person_registered",
                json.dumps(envelope),
                datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" "),
            ),
        )
    return envelope["event_id"]


@pytest.fixture
def restored(system: System, rabbit_admin: RabbitAdmin, tmp_path: Path) -> Iterator[dict]:
    person = make_person(system)
    waiting = leave_an_event_waiting(system)
    try:
        run_module("infra.backup", "create", str(tmp_path / "backup"), env=system.env)
    finally:
        system.start("teams")
        system.wait_until_healthy()
    vhost = rabbit_admin.create_vhost()
    env = {
        **system.env,
        "AMQP_URI": amqp_uri_for(vhost),
        "DATA_DIR": str(tmp_path / "data"),
        "GATEWAY_ADDRESS": f"127.0.0.1:{free_port()}",
    }
    run_module("infra.backup", "restore", str(tmp_path / "backup"), env=env)
    copy = System(f"http://{env['GATEWAY_ADDRESS']}", env, tmp_path)
    try:
        for name in PROCESSES:
            copy.start(name)
        copy.wait_until_healthy()
        yield {"system": copy, "person": person, "waiting": waiting}
    finally:
        copy.stop()
        rabbit_admin.delete_vhost(vhost)


def handled_by_notifications(system: System, event_id: str) -> bool:
    with sqlite3.connect(sqlite_file(system, "notifications")) as db:
        found = db.execute("SELECT 1 FROM inbox WHERE event_id = ?", (event_id,)).fetchone()
    return found is not None


def test_a_restored_system_has_everything_and_publishes_what_waited(restored: dict) -> None:
    copy: System = restored["system"]
    token = copy.token()  # the administrator's password hash came back with teams' database
    person = requests.get(
        f"{copy.url}/api/v1/people/{restored['person']['id']}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert person.status_code == 200, person.text
    assert person.json()["username"] == restored["person"]["username"]
    wait_for(
        lambda: handled_by_notifications(copy, restored["waiting"]),
        timeout=60,
        what="the event waiting at the backup to be published and handled",
    )
