"""Login and identity: what the gateway asks of the teams service."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.errors import Unauthorized
from services.teams.db import TeamsUnitOfWork
from services.teams.passwords import hash_password, needs_rehash, verify_password

WRONG_CREDENTIALS = "wrong username or password"


def authenticate(uow: TeamsUnitOfWork, username: str, password: str, now: datetime) -> Caller:
    """The caller a username and password stand for; the same answer for every kind of failure."""
    with uow:
        person = uow.people.by_username(username.strip().lower())
        stored = uow.people.password_hash(person.id) if person else None
        if not verify_password(stored, password) or person is None or not person.active:
            raise Unauthorized(WRONG_CREDENTIALS)
        if stored and needs_rehash(stored):
            uow.people.set_password_hash(person.id, hash_password(password), now)
            uow.commit()
        return person.as_caller(uow.team_ids_of(person.id))


def identify(uow: TeamsUnitOfWork, person_id: str | None, username: str | None) -> Caller:
    """The current roles, areas and teams of an active person (tokens from another issuer)."""
    with uow:
        person = uow.people.get(person_id) if person_id else uow.people.by_username(username or "")
        if person is None or not person.active:
            raise Unauthorized("no active person matches this token")
        return person.as_caller(uow.team_ids_of(person.id))
