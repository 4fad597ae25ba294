"""Client keys taken before they moved to `client_requests` still answer a resend after the
migration, on SQLite and PostgreSQL: a registration's first answer, the visit and the
intervention a key made (the keys were kept without a fingerprint: any resend replays)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from infra.caller import Caller
from infra.commands import command_of
from infra.config import database_url
from infra.engines import make_engine
from infra.migrate import alembic_config, ensure_database
from services.households.db import HouseholdsUnitOfWork, metadata
from services.households.db.tables import households, interventions, visits
from services.households.settings import Settings
from services.households.usecases import care, commands, registry
from services.households.usecases import interventions as manage
from tests.integration.households.support import COORDINATOR, VILLAGE, member

BEFORE = "4e7a9c2d1b58"
KEY, VISIT_KEY, ASK_KEY = "phone-1-key-000001", "phone-1-visit-01", "phone-1-ask-0001"
NOW = datetime(2026, 11, 1, 3, 0, tzinfo=UTC)
WHO = Caller.from_dict(COORDINATOR)


def test_keys_kept_before_the_migration_replay_after_it(config: dict[str, Any]) -> None:
    url = database_url(config, "households")
    ensure_database(url)
    command.upgrade(alembic_config(config, "households"), BEFORE)
    engine = make_engine(url)
    with engine.begin() as connection:
        _keys_as_kept_before(connection)
    command.upgrade(alembic_config(config, "households"), "head")
    uow = HouseholdsUnitOfWork(
        sessionmaker(engine, expire_on_commit=False), metadata, source="households", consumer="t"
    )
    try:
        registered = registry.register_household(uow, WHO, _registration(), NOW)
        visit = care.log_visit(uow, WHO, "h1", _visit(), Settings(), NOW)
        item = manage.request_intervention(uow, WHO, "h1", _ask(), NOW)
    finally:
        engine.dispose()
    assert registered == {"id": "h1", "version": 1}
    assert (visit.id, visit.notes, item.id, item.description) == ("v1", "kept", "i1", "kept")


def _keys_as_kept_before(connection: Any) -> None:
    connection.execute(households.insert().values(_household()))
    connection.execute(visits.insert().values(_visit_row()))
    connection.execute(interventions.insert().values(_intervention_row()))
    connection.execute(text(f"UPDATE visits SET client_key = '{VISIT_KEY}'"))
    connection.execute(text(f"UPDATE interventions SET client_key = '{ASK_KEY}'"))
    connection.execute(
        text(
            "INSERT INTO registrations"
            " (registered_by, client_key, fingerprint, household_id, version, registered_at)"
            " SELECT :who, :key, 'some-older-digest', id, version, registered_at FROM households"
        ),
        {"who": WHO.person_id, "key": KEY},
    )


def _registration() -> commands.RegisterHousehold:
    loaded = {"village_code": VILLAGE, "members": [member(7)], "client_key": KEY}
    return command_of(commands.RegisterHousehold, loaded)


def _visit() -> commands.LogVisit:
    loaded = {"visited_at": NOW, "notes": "resent", "wellbeing": 3, "client_key": VISIT_KEY}
    return command_of(commands.LogVisit, loaded)


def _ask() -> commands.RequestIntervention:
    loaded = {"kind": "in_kind", "description": "resent", "client_key": ASK_KEY}
    return command_of(commands.RequestIntervention, loaded)


def _household() -> dict[str, Any]:
    return {
        "id": "h1",
        "village_code": VILLAGE,
        "size": 1,
        "registered_at": NOW,
        "version": 1,
        "stage": "manage",
    }


def _visit_row() -> dict[str, Any]:
    return {
        "id": "v1",
        "household_id": "h1",
        "visited_at": NOW,
        "visited_by": WHO.person_id,
        "recorded_at": NOW,
        "notes": "kept",
        "wellbeing": 4,
        "annual_income_satang": None,
        "income_pp_satang": None,
        "problems": "[]",
    }


def _intervention_row() -> dict[str, Any]:
    return {
        "id": "i1",
        "household_id": "h1",
        "kind": "in_kind",
        "owner": WHO.person_id,
        "description": "kept",
        "status": "requested",
        "requested_by": WHO.person_id,
        "requested_at": NOW,
        "version": 1,
        "amount_satang": None,
    }


def test_the_move_can_be_undone_and_done_again(config: dict[str, Any]) -> None:
    url = database_url(config, "households")
    ensure_database(url)
    alembic = alembic_config(config, "households")
    command.upgrade(alembic, "head")
    command.downgrade(alembic, BEFORE)
    engine = make_engine(url)
    with engine.connect() as connection:
        kept_before = connection.execute(text("SELECT client_key FROM visits")).all()
    engine.dispose()
    command.upgrade(alembic, "head")
    assert kept_before == []
