"""National IDs stored before they were made canonical are rewritten to 13 ASCII digits by each
service's migration, on SQLite and PostgreSQL; a row that turns out to be the same person as
another is left for a person to merge, never a second key for one person."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alembic import command
from sqlalchemy import select

from infra.config import database_url
from infra.engines import make_engine
from infra.migrate import alembic_config, ensure_database
from services.households.db.tables import households, members
from services.teams.db.people import people
from tests.support.digits import fullwidth, thai

NID = "1101700230708"
FULLWIDTH = fullwidth(NID)
THAI = thai(NID)
OTHER = "3100600471237"  # another valid ID
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _at(config: dict[str, Any], service: str, revision: str) -> Any:
    url = database_url(config, service)
    ensure_database(url)
    command.upgrade(alembic_config(config, service), revision)
    return make_engine(url)


def test_household_members_ids_become_canonical(config: dict[str, Any]) -> None:
    engine = _at(config, "households", "baecc8bda70d")
    spellings = [fullwidth(OTHER), NID, THAI]
    with engine.begin() as connection:
        for i, spelling in enumerate(spellings):
            connection.execute(households.insert().values(_household(f"h{i}")))
            connection.execute(members.insert().values(_member(f"h{i}", spelling, True)))
        connection.execute(households.insert().values(_household("h3")))
        connection.execute(members.insert().values(_member("h3", FULLWIDTH, False)))
    command.upgrade(alembic_config(config, "households"), "head")
    with engine.connect() as connection:
        stored = connection.execute(
            select(members.c.household_id, members.c.national_id).order_by(members.c.household_id)
        ).all()
    engine.dispose()
    # h2 (Thai digits) is the same person as h1: left as stored for a person to merge
    assert stored == [("h0", OTHER), ("h1", NID), ("h2", THAI), ("h3", NID)]


def test_people_ids_become_canonical(config: dict[str, Any]) -> None:
    engine = _at(config, "teams", "d545cae94ef6")
    with engine.begin() as connection:
        connection.execute(people.insert().values(_person("p1", FULLWIDTH)))
        connection.execute(people.insert().values(_person("p2", None)))
    command.upgrade(alembic_config(config, "teams"), "head")
    with engine.connect() as connection:
        stored = connection.execute(
            select(people.c.id, people.c.national_id).order_by(people.c.id)
        ).all()
    engine.dispose()
    assert stored == [("p1", NID), ("p2", None)]


def _household(household_id: str) -> dict[str, Any]:
    return {
        "id": household_id,
        "village_code": "24010101",
        "size": 1,
        "registered_at": NOW,
        "version": 1,
        "stage": "registered",
    }


def _member(household_id: str, national_id: str, active: bool) -> dict[str, Any]:
    return {
        "household_id": household_id,
        "position": 0,
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "national_id": national_id,
        "is_head": True,
        "active": active,
    }


def _person(person_id: str, national_id: str | None) -> dict[str, Any]:
    return {
        "id": person_id,
        "username": person_id,
        "display_name": person_id,
        "language": "th",
        "national_id": national_id,
        "active": True,
        "version": 1,
        "created_at": NOW,
    }
