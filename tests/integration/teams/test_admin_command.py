"""`python -m services.teams.admin reset-password`, run as an operator would (a subprocess with the
configured DATABASE_URL), on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.errors import Unauthorized
from services.teams.bootstrap import ensure_administrator
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.usecases.auth import authenticate
from tests.support.databases import upgrade

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 21, tzinfo=UTC)
OUTBOX = metadata.tables["outbox"]


@pytest.fixture
def teams_db(database_template: str):
    config = {**load_config(), "DATABASE_URL": database_template}
    upgrade(config, ["teams"])
    engine = make_engine(database_url(config, "teams"))
    uow = TeamsUnitOfWork(sessionmaker(engine), metadata, source="teams", consumer="tests")
    ensure_administrator(uow, "admin", "the first password 1", NOW)
    yield database_template, uow
    engine.dispose()


def admin(template: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": template}
    command = [sys.executable, "-m", "services.teams.admin", *args]
    return subprocess.run(command, input=stdin, env=env, cwd=ROOT, capture_output=True, text=True)


def password_changes(uow: TeamsUnitOfWork) -> int:
    with uow:
        query = select(OUTBOX.c.id).where(OUTBOX.c.event_type == "password_changed")
        return len(uow.session.execute(query).all())


def test_a_password_from_stdin_replaces_the_lost_one_and_revokes_old_tokens(teams_db):
    template, uow = teams_db
    before = password_changes(uow)
    done = admin(template, "reset-password", "admin", stdin="a brand new secret 7\n")
    assert done.returncode == 0, done.stderr
    assert "a brand new secret 7" not in done.stdout
    assert authenticate(uow, "admin", "a brand new secret 7", NOW).username == "admin"
    with pytest.raises(Unauthorized):
        authenticate(uow, "admin", "the first password 1", NOW)
    assert password_changes(uow) == before + 1


def test_no_password_given_generates_one_and_prints_it_once(teams_db):
    template, uow = teams_db
    done = admin(template, "reset-password", "admin")
    assert done.returncode == 0, done.stderr
    generated = done.stdout.split("(shown only this once): ")[1].split()[0]
    assert authenticate(uow, "admin", generated, NOW).username == "admin"


def test_an_unknown_username_fails_with_a_clear_message_and_changes_nothing(teams_db):
    template, uow = teams_db
    before = password_changes(uow)
    done = admin(template, "reset-password", "nobody", stdin="a brand new secret 7\n")
    assert done.returncode == 1
    assert "No person has the username 'nobody'" in done.stderr
    assert password_changes(uow) == before


def test_an_unacceptable_password_is_refused_naming_why(teams_db):
    template, uow = teams_db
    done = admin(template, "reset-password", "admin", stdin="short\n")
    assert done.returncode == 2 and "not acceptable" in done.stderr
    assert authenticate(uow, "admin", "the first password 1", NOW).username == "admin"
