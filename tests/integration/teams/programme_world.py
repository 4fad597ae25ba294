"""A Sammachip year in Pattani for the programme tests: trainer teams that train households,
occupation groups formed from them, registered, with products and monthly reports."""

from __future__ import annotations

from datetime import UTC, date, datetime

from infra.caller import Role
from infra.commands import command_of
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.groups import OccupationGroup
from services.teams.domain.trainers import TrainerTeam
from services.teams.settings import Settings
from services.teams.usecases import cohorts, groups, trainers
from services.teams.usecases.commands.cohorts import (
    AddSession,
    CompleteCohort,
    OpenCohort,
    RecordAttendance,
)
from services.teams.usecases.commands.groups import FormGroup, RegisterGroup
from services.teams.usecases.commands.trainers import FormTrainerTeam
from tests.integration.teams.world import ADMIN, known_household, register

IN_2570 = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # fiscal year 2570
IN_2569 = datetime(2026, 9, 1, 3, 0, tzinfo=UTC)
# 1 October 2026 at 00:30 in Bangkok, still 30 September in UTC: fiscal year 2570.
FIRST_MOMENT_OF_2570 = datetime(2026, 9, 30, 17, 30, tzinfo=UTC)


def trainer_team(uow: TeamsUnitOfWork, village: str, at: datetime = IN_2570) -> TrainerTeam:
    sages = [register(uow, f"sage{i}.{village}", Role.TRAINER, [village]) for i in range(5)]
    members = [
        {"person_id": p.id, "lead": i == 0, "lead_trained_on": date(2026, 6, 1) if i == 0 else None}
        for i, p in enumerate(sages)
    ]
    command = {"village_code": village, "name": f"Trainers {village}", "members": members}
    return trainers.form_trainer_team(uow, ADMIN, command_of(FormTrainerTeam, command), at)


def train(
    uow: TeamsUnitOfWork, team: TrainerTeam, count: int, at: datetime = IN_2570, absent: int = 0
) -> list[str]:
    """Households of the team's village trained in basketry; `absent` of them never attend and
    do not complete. Returns those who completed."""
    households = [known_household(uow, team.village_code) for _ in range(count + absent)]
    command = {"trainer_team_id": team.id, "occupation": "Basketry", "households": households}
    cohort = cohorts.open_cohort(
        uow, ADMIN, command_of(OpenCohort, command), Settings(cohort_max_households=60), at
    )
    session = {"held_on": at.date(), "duration_minutes": 180, "kind": "class", "topic": "weaving"}
    held = cohorts.add_session(uow, ADMIN, cohort.id, command_of(AddSession, session), at)
    marks = [{"household_id": h, "present": i < count} for i, h in enumerate(households)]
    cohorts.record_attendance(
        uow, ADMIN, cohort.id, held.id, command_of(RecordAttendance, {"attendance": marks})
    )
    cohorts.complete_cohort(uow, ADMIN, cohort.id, CompleteCohort(), None, at)
    return households[:count]


def group(
    uow: TeamsUnitOfWork,
    village: str,
    members: list[str],
    at: datetime = IN_2570,
    registered_on: date | None = None,
) -> OccupationGroup:
    command = {"name": "Basket makers", "occupation": "basketry", "village_code": village}
    formed = groups.form_group(
        uow, ADMIN, command_of(FormGroup, {**command, "members": members}), at
    )
    if registered_on is None:
        return formed
    registration = {"registration_number": f"G-{village}", "registered_on": registered_on}
    return groups.register_group(
        uow, ADMIN, formed.id, command_of(RegisterGroup, registration), None
    )
