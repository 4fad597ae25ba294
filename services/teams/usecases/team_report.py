"""The teams service's part of the Smile Teams report: outcomes side by side, each member's
caseload over every team they serve in (contract: gateway/reports/__init__.py); or one team's
outcomes a row per village, its members' caseloads in the totals row."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller, Role
from infra.reports import report_scope
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.domain import policy
from services.teams.usecases.commands.reports import ReportQuery, TeamReportQuery
from services.teams.usecases.common import found
from services.teams.usecases.teams import may_read

MEMBER_COLUMNS = {
    Role.VOLUNTEER_LEADER.value: "leader_open_cases",
    Role.SUBDISTRICT_COORDINATOR.value: "coordinator_open_cases",
    Role.DISTRICT_EXPERT.value: "expert_open_cases",
}


def teams_report(uow: TeamsUnitOfWork, caller: Caller, query: ReportQuery) -> dict[str, Any]:
    """One row per team covering the caller's part of the area; households counted in the area."""
    scope = report_scope(caller, query.area)
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    with uow:
        figures = uow.team_report.team_figures(reach, scope.parts)
        loads = _member_loads(uow, [row["key"] for row in figures])
    rows = {row["key"]: row for row in figures}
    for team_id, columns in loads.items():
        rows[team_id].update(columns)
    return {"rows": sorted(rows.values(), key=lambda row: (row["name"], row["key"]))}


def team_villages_report(
    uow: TeamsUnitOfWork, caller: Caller, query: TeamReportQuery
) -> dict[str, Any]:
    """One team (NotFound unless the caller may read it): a row per village of its households,
    those inside the caller's areas unless the caller serves in the team or administers."""
    team_id = query.team
    with uow:
        team = found(uow.teams.get(team_id), "team", team_id, lambda t: may_read(caller, t))
        whole = caller.is_admin or caller.person_id in team.member_ids
        rows = uow.team_report.village_figures(team.id, None if whole else caller.areas)
        loads = _member_loads(uow, [team.id]).get(team.id, {})
    return {"rows": sorted(rows, key=lambda row: row["key"]), "totals": loads}


def _member_loads(uow: TeamsUnitOfWork, team_ids: list[str]) -> dict[str, dict[str, int]]:
    """Per team, each member's open cases over every team they serve in, by role column."""
    seats = uow.team_report.seats(team_ids)
    loads = uow.caseload.open_cases_by_person(sorted({person_id for _, _, person_id in seats}))
    columns: dict[str, dict[str, int]] = {}
    for team_id, role, person_id in seats:
        if role in MEMBER_COLUMNS:
            columns.setdefault(team_id, {})[MEMBER_COLUMNS[role]] = loads[person_id]
    return columns
