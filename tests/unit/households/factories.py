"""Callers, commands and cases for the households use-case unit tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from stdnum.th import pin

from infra.caller import Caller, Role
from services.households.domain.household import Household, Member, Targeting
from services.households.domain.plan import Goal, Plan, PlanStatus
from services.households.vocabulary import Stage

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
VILLAGE, TEAM = "24010101", "team-1"


def caller(role: Role, *areas: str, pid: str = "", teams: tuple[str, ...] = ()) -> Caller:
    person = pid or role.value
    return Caller(person, person, frozenset({role}), areas, teams)


COORDINATOR = caller(Role.SUBDISTRICT_COORDINATOR, "240101")
EXPERT = caller(Role.DISTRICT_EXPERT, "2401")
SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, "2401")  # sees the area's cases, works on none
LEADER = caller(Role.VOLUNTEER_LEADER, teams=(TEAM,))
ELSEWHERE = caller(Role.SUBDISTRICT_COORDINATOR, "240102", pid="elsewhere")


def national_id(seed: int) -> str:
    base = f"1{seed:011d}"
    return base + pin.calc_check_digit(base)


def member(seed: int, head: bool = True, **changes: Any) -> dict[str, Any]:
    """A member as `RegisterHousehold` loads it."""
    return {
        "first_name": "Somchai",
        "last_name": "Dee",
        "national_id": national_id(seed),
        "is_head": head,
        "birth_date": date(1970, 5, 1),
        "sex": "male",
        **changes,
    }


def registration(seed: int, **changes: Any) -> dict[str, Any]:
    """A registration command as `RegisterHousehold` loads it."""
    return {
        "village_code": VILLAGE,
        "house_no": None,
        "members": [member(seed), member(seed + 50_000, head=False, first_name="Malee")],
        "size": 3,
        "annual_income_thb": Decimal("60000.00"),
        "bmn": {"survey_year": 2026, "failed_indicators": ["7", "12"]},
        "client_key": None,
        **changes,
    }


def case(stage: Stage = Stage.TARGET, seed: int = 900, **changes: Any) -> Household:
    """A targeted household of the team, in `stage`, at version 3."""
    head = Member("Somsri", "Jai", national_id(seed), True)
    targeting = Targeting(2026, True, 3, Decimal("20000.00"), 1, NOW - timedelta(days=30))
    household = Household(
        VILLAGE,
        [head],
        NOW - timedelta(days=60),
        Decimal("60000.00"),
        version=3,
        size=3,
        stage=stage,
        team_id=TEAM,
        targeting=targeting,
    )
    return replace(household, **changes)


GOAL = Goal("economic", "a steady income", "none", "rice and vegetables to sell")


def plan(household: Household, status: PlanStatus = PlanStatus.DRAFT, **changes: Any) -> Plan:
    draft = Plan(household.id, 1, COORDINATOR.person_id, NOW, goals=[GOAL], version=2)
    submitted = {"submitted_by": COORDINATOR.person_id, "submitted_at": NOW}
    decided = submitted if status is not PlanStatus.DRAFT else {}
    return replace(draft, **{"status": status, **decided, **changes})
