"""Workloads and outcomes: caseload per team and per member, the least-loaded team for an area,
and team outcomes side by side (so teams can learn from each other, seed 003)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.errors import NotFound, ValidationFailed
from infra.pagination import Page
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.teams import TeamFilter
from services.teams.domain import policy
from services.teams.domain.assignment import Load, ranked
from services.teams.domain.team import Team
from services.teams.usecases.commands.teams import ListOutcomes
from services.teams.usecases.common import found
from services.teams.usecases.people import may_see
from services.teams.usecases.teams import may_read


def team_caseload(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> dict[str, Any]:
    with uow:
        team = found(uow.teams.get(team_id), "team", team_id, lambda t: may_read(caller, t))
        open_cases = uow.caseload.open_cases_by_team([team.id])[team.id]
        loads = uow.caseload.open_cases_by_person(list(team.member_ids))
        members = [
            {
                "role": role.value,
                "person_id": person_id,
                "teams": len(uow.teams.of_person(person_id)),
                "open_cases": loads[person_id],
            }
            for role, person_id in team.members.items()
        ]
    return {"team_id": team.id, "name": team.name, "open_cases": open_cases, "members": members}


def person_caseload(uow: TeamsUnitOfWork, caller: Caller, person_id: str) -> dict[str, Any]:
    with uow:
        person = uow.people.get(person_id)
        if person is None or not may_see(caller, person):
            raise NotFound(f"person {person_id} not found")
        teams = uow.teams.of_person(person_id)
        per_team = uow.caseload.open_cases_by_team([t.id for t in teams])
    rows = [
        {"team_id": t.id, "name": t.name, "role": _role(t, person_id), "open_cases": per_team[t.id]}
        for t in teams
    ]
    return {"person_id": person_id, "open_cases": sum(per_team.values()), "teams": rows}


def suggest_teams(uow: TeamsUnitOfWork, caller: Caller, area: str) -> dict[str, Any]:
    """Complete teams covering a village or sub-district, least loaded first."""
    if len(area) not in (6, 8) or not policy.reads_area(caller, [area]):
        raise ValidationFailed.on("area", "a village or sub-district in your areas")
    with uow:
        teams = uow.teams.covering(area[:6])
        per_team = uow.caseload.open_cases_by_team([t.id for t in teams])
        per_person = uow.caseload.open_cases_by_person([p for t in teams for p in t.member_ids])
    loads = [
        Load(t, per_team[t.id], max((per_person[p] for p in t.member_ids), default=0))
        for t in teams
    ]
    candidates = [
        {
            "team_id": x.team.id,
            "name": x.team.name,
            "open_cases": x.open_cases,
            "busiest_member_open_cases": x.busiest_member,
        }
        for x in ranked(loads)
    ]
    best = candidates[0]["team_id"] if candidates else None
    return {"area": area, "suggested_team_id": best, "candidates": candidates}


def team_outcomes(
    uow: TeamsUnitOfWork, caller: Caller, query: ListOutcomes
) -> Page[dict[str, Any]]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    with uow:
        found = uow.teams.list(reach, TeamFilter(area=query.area), query.after, query.limit)
        totals = uow.caseload.outcomes([t.id for t in found.items])
    return Page([_outcome(t, totals[t.id]) for t in found.items], found.next)


def _outcome(team: Team, totals: dict[str, Any]) -> dict[str, Any]:
    households, graduated = totals["households"], totals["graduated"]
    rate = (Decimal(graduated) / households).quantize(Decimal("0.001")) if households else None
    return {
        "team_id": team.id,
        "name": team.name,
        "coverage": list(team.coverage),
        "status": team.status,
        **totals,
        "graduation_rate": rate,
    }


def _role(team: Team, person_id: str) -> str | None:
    role = team.role_of(person_id)
    return role.value if role else None
