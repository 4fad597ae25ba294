"""Callers, payloads and events for the households integration tests."""

from __future__ import annotations

import uuid
from typing import Any

from nameko.exceptions import RemoteError
from sqlalchemy import select

from infra.caller import Caller, Role
from infra.config import database_url
from infra.engines import make_engine
from infra.envelope import Envelope
from infra.errors import from_remote
from tests.integration.helpers import national_id, rpc

VILLAGE = "24010101"  # Na Mueang, Mueang Chachoengsao
TEAM = "team-1"


def caller(*roles: Role, areas: tuple[str, ...] = ("2401",), teams: tuple[str, ...] = ()) -> dict:
    person = f"person-{uuid.uuid4().hex[:8]}"
    return Caller(person, person, frozenset(roles), areas, teams).to_dict()


COORDINATOR = caller(Role.SUBDISTRICT_COORDINATOR, areas=("240101",))
EXPERT = caller(Role.DISTRICT_EXPERT)
SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR)
LEADER = caller(Role.VOLUNTEER_LEADER, areas=(), teams=(TEAM,))
ADMIN = caller(Role.ADMINISTRATOR, areas=())


def member(seed: int, head: bool = True, **changes: Any) -> dict[str, Any]:
    return {
        "first_name": "Somchai",
        "last_name": "Dee",
        "national_id": national_id(seed),
        "is_head": head,
        "birth_date": "1970-05-01",
        "sex": "male",
        **changes,
    }


def household(seed: int, income: str = "60000.00", size: int = 3, **changes: Any) -> dict:
    return {
        "village_code": VILLAGE,
        "members": [member(seed), member(seed + 50_000, head=False, first_name="Malee")],
        "size": size,
        "annual_income_thb": income,
        "bmn": {"survey_year": 2026, "failed_indicators": ["7", "12"]},
        **changes,
    }


def event(source: str, event_type: str, **data: Any) -> dict[str, Any]:
    return Envelope(event_type, data, source).to_dict()


def rows(config: dict[str, Any], table: Any, *where: Any) -> list[Any]:
    engine = make_engine(database_url(config, "households"))
    with engine.connect() as connection:
        found = connection.execute(select(table).where(*where)).all()
    engine.dispose()
    return found


def call(config: dict[str, Any], method: str, *args: Any) -> Any:
    """RPC to the households service; its errors come back as the `infra.errors` they were."""
    try:
        return rpc(config, "households", method, *args)
    except RemoteError as exc:
        known = from_remote(exc.exc_type, exc.value)
        if known is None:
            raise
        raise known from None


def case_in_manage(config: dict[str, Any], seed: int) -> str:
    """A targeted, consenting household whose plan is approved: its case is in `manage`."""
    hid = call(config, "register_household", COORDINATOR, household(seed, income="30000.00"))["id"]
    call(config, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026})
    case = call(config, "get_household", COORDINATOR, hid)
    consent = {"informed": True, "consented": True}
    call(config, "record_consent", COORDINATOR, hid, consent, case["version"])
    goal = {"capital": "economic", "description": "income", "baseline": "1", "target": "2"}
    plan = {"problems": ["debt"], "needs": ["income"], "livelihood": "rice", "goals": [goal]}
    plan = call(config, "save_plan", COORDINATOR, hid, plan)
    plan = call(config, "submit_plan", COORDINATOR, hid, {}, plan["version"])
    call(config, "approve_plan", EXPERT, hid, {}, plan["version"])
    return hid
