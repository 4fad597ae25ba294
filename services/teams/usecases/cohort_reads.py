"""Reading cohorts: one cohort with its sessions and attendance, and lists."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.errors import NotFound
from services.teams.db import TeamsUnitOfWork
from services.teams.db.cohorts import CohortFilter
from services.teams.db.common import Reach
from services.teams.domain import policy
from services.teams.domain.cohort import Cohort
from services.teams.usecases.trainers import may_read


def cohort_view(uow: TeamsUnitOfWork, caller: Caller, cohort_id: str) -> dict[str, Any]:
    with uow:
        cohort = uow.cohorts.get(cohort_id)
        team = uow.trainer_teams.get(cohort.trainer_team_id) if cohort else None
        if cohort is None or team is None or not may_read(caller, team):
            raise NotFound(f"cohort {cohort_id} not found")
        sessions = uow.cohorts.sessions(cohort.id)
        marks = uow.cohorts.attendance([s.id for s in sessions])
    return {"cohort": cohort, "sessions": sessions, "attendance": marks}


def list_cohorts(
    uow: TeamsUnitOfWork, caller: Caller, query: dict[str, Any]
) -> tuple[list[Cohort], str | None]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = CohortFilter(
        trainer_team_id=query["trainer_team_id"], area=query["area"], status=query["status"]
    )
    with uow:
        return uow.cohorts.list(reach, where, query["after"], query["limit"])
