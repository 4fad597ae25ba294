"""Who may see and change what in the teams service (object-level authorization).

- administrators: everything;
- provincial and district supervisors: manage teams, assignments, Sammachip and support
  organisations whose areas lie wholly inside their own;
- sub-district coordinators and district experts: read teams, caseloads, Sammachip and support
  organisations touching their areas, and assign or reassign households there;
- members (volunteer leaders and the others) read the teams they serve in; sages read and record for
  their own trainer team; an organisation's reporters read its plans and report progress.

Anything outside a caller's reach is answered as if it did not exist (NotFound).
"""

from __future__ import annotations

from collections.abc import Iterable

from infra.caller import Caller, Role
from services.teams.domain.areas import overlaps

MANAGERS = (Role.PROVINCIAL_SUPERVISOR, Role.DISTRICT_SUPERVISOR)
AREA_READERS = (*MANAGERS, Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT)
ASSIGNERS = AREA_READERS


def manages(caller: Caller, areas: Iterable[str]) -> bool:
    """Administrators, or supervisors whose areas hold every one of `areas`."""
    areas = tuple(areas)
    if caller.is_admin:
        return True
    return caller.has_role(*MANAGERS) and bool(areas) and all(caller.covers(a) for a in areas)


def reads_area(caller: Caller, areas: Iterable[str]) -> bool:
    """Administrators, or supervisors, coordinators and experts whose areas touch `areas`."""
    return caller.is_admin or (caller.has_role(*AREA_READERS) and overlaps(caller.areas, areas))


def assigns(caller: Caller, village_code: str) -> bool:
    return caller.is_admin or (caller.has_role(*ASSIGNERS) and caller.covers(village_code))


def readable_areas(caller: Caller) -> tuple[str, ...] | None:
    """For list queries: None means everything; otherwise the areas whose objects the caller reads
    by role (objects they belong to are added by each query)."""
    if caller.is_admin:
        return None
    return caller.areas if caller.has_role(*AREA_READERS) else ()
