"""Who may see and change which household (object-level authorization)."""

from __future__ import annotations

from infra.caller import Caller, Role
from infra.errors import Forbidden

AREA_ROLES = frozenset(
    {
        Role.SUBDISTRICT_COORDINATOR,
        Role.DISTRICT_EXPERT,
        Role.DISTRICT_SUPERVISOR,
        Role.PROVINCIAL_SUPERVISOR,
    }
)
SMILE_TEAM = (Role.VOLUNTEER_LEADER, Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT)
REGISTRARS = (Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT)
CASE_WORKERS = SMILE_TEAM
STAGE_CHANGERS = (*SMILE_TEAM, Role.DISTRICT_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR)
PLAN_APPROVERS = frozenset(
    {Role.DISTRICT_EXPERT, Role.DISTRICT_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR}
)


def sees_by_area(caller: Caller) -> bool:
    return bool(caller.roles & AREA_ROLES)


def sees_by_team(caller: Caller) -> bool:
    return Role.VOLUNTEER_LEADER in caller.roles


def can_see(caller: Caller, village_code: str, team_id: str | None) -> bool:
    if caller.is_admin:
        return True
    if sees_by_team(caller) and caller.in_team(team_id):
        return True
    return sees_by_area(caller) and any(village_code.startswith(a) for a in caller.areas)


def require_area(caller: Caller, village_code: str, field: str = "village_code") -> None:
    """For creating something in an area: the caller must cover it (403 otherwise)."""
    if not caller.covers(village_code):
        raise Forbidden(f"{field}: outside the areas you are responsible for")


def may_approve_plan(caller: Caller, village_code: str, submitted_by: str | None) -> None:
    if not caller.roles & PLAN_APPROVERS or not any(
        village_code.startswith(a) for a in caller.areas
    ):
        raise Forbidden(
            "plans are approved by a district expert or supervisor covering the household's area"
        )
    if submitted_by == caller.person_id:
        raise Forbidden("a plan cannot be approved or returned by the person who submitted it")
