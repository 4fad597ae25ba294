"""Training cohorts: open, enrol, sessions, attendance, completion (announced per household);
one cohort with its sessions and attendance, and lists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, Forbidden, NotFound, ValidationFailed
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.cohorts import CohortFilter
from services.teams.db.common import Reach
from services.teams.domain import policy
from services.teams.domain.cohort import COMPLETED, Cohort, Session
from services.teams.domain.trainers import TrainerTeam
from services.teams.events import TRAINING_COMPLETED
from services.teams.settings import Settings
from services.teams.usecases.commands.cohorts import (
    AddSession,
    CompleteCohort,
    EnrolHouseholds,
    ListCohorts,
    OpenCohort,
    RecordAttendance,
)
from services.teams.usecases.common import found
from services.teams.usecases.trainers import may_read, may_record

log = get_logger(__name__)


def open_cohort(
    uow: TeamsUnitOfWork, caller: Caller, command: OpenCohort, settings: Settings, now: datetime
) -> Cohort:
    households = list(command.households)
    with uow:
        team = _recordable(uow, caller, command.trainer_team_id)
        villages = _villages(uow, households)
        cohort = Cohort.open(
            team, command.occupation, households, villages, settings.cohort_max_households, now
        )
        uow.cohorts.add(cohort)
        uow.commit()
    log.info("cohort.opened", cohort_id=cohort.id, households=len(cohort.households))
    return cohort


def enrol(
    uow: TeamsUnitOfWork,
    caller: Caller,
    cohort_id: str,
    command: EnrolHouseholds,
    expected_version: int | None,
    settings: Settings,
) -> Cohort:
    households = list(command.households)
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, expected_version)
        unwilling = {h for h, a in uow.cohort_care.answers(cohort.id).items() if not a.willing}
        villages = _villages(uow, households)
        enrolled = cohort.enrol(households, villages, settings.cohort_max_households, unwilling)
        uow.cohorts.save(enrolled)
        uow.commit()
    return enrolled


def add_session(
    uow: TeamsUnitOfWork, caller: Caller, cohort_id: str, command: AddSession, now: datetime
) -> Session:
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, None)
        session = Session(
            cohort.id,
            command.held_on,
            command.duration_minutes,
            command.kind,
            command.topic,
            recorded_by=caller.person_id,
            recorded_at=now,
        )
        uow.cohorts.save(cohort.recorded())
        uow.cohorts.add_session(session)
        uow.commit()
    return session


def record_attendance(
    uow: TeamsUnitOfWork, caller: Caller, cohort_id: str, session_id: str, command: RecordAttendance
) -> dict[str, bool]:
    marks = {m.household_id: m.present for m in command.attendance}
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, None)
        if session_id not in {s.id for s in uow.cohorts.sessions(cohort.id)}:
            raise NotFound(f"session {session_id} not found")
        problems = cohort.attendance_problems([m.household_id for m in command.attendance])
        if problems:
            raise ValidationFailed("the attendance cannot be recorded as given", problems)
        uow.cohorts.save(cohort.recorded())
        uow.cohorts.mark(session_id, marks)
        uow.commit()
    return marks


def complete_cohort(
    uow: TeamsUnitOfWork,
    caller: Caller,
    cohort_id: str,
    command: CompleteCohort,
    expected_version: int | None,
    now: datetime,
) -> Cohort:
    given = command.households
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, expected_version)
        completed, finished = cohort.complete(
            list(given) if given is not None else None, _attended(uow, cohort), now
        )
        uow.cohorts.save(completed)
        uow.trainings.record(completed, finished)
        for household_id in finished:
            uow.emit(TRAINING_COMPLETED, _completed_event(completed, household_id))
        uow.commit()
    log.info("cohort.completed", cohort_id=cohort.id, households=len(finished))
    return completed


def cohort_view(uow: TeamsUnitOfWork, caller: Caller, cohort_id: str) -> dict[str, Any]:
    with uow:
        cohort = uow.cohorts.get(cohort_id)
        team = uow.trainer_teams.get(cohort.trainer_team_id) if cohort else None
        if cohort is None or team is None or not may_read(caller, team):
            raise NotFound(f"cohort {cohort_id} not found")
        sessions = uow.cohorts.sessions(cohort.id)
        marks = uow.cohorts.attendance([s.id for s in sessions])
    return {"cohort": cohort, "sessions": sessions, "attendance": marks}


def list_cohorts(uow: TeamsUnitOfWork, caller: Caller, query: ListCohorts) -> Page[Cohort]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = CohortFilter(
        trainer_team_id=query.trainer_team_id, area=query.area, status=query.status
    )
    with uow:
        return uow.cohorts.list(reach, where, query.after, query.limit)


def _recordable(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> TrainerTeam:
    team = found(
        uow.trainer_teams.get(team_id), "trainer team", team_id, lambda t: may_read(caller, t)
    )
    if not may_record(caller, team):
        raise Forbidden("only the trainer team's sages and supervisors record its training")
    return team


def recordable_cohort(
    uow: TeamsUnitOfWork,
    caller: Caller,
    cohort_id: str,
    expected_version: int | None,
    completed: bool = False,
) -> tuple[Cohort, TrainerTeam]:
    """The cohort a caller may record on (NotFound beyond their reach); `completed`: one whose
    training is over (results after training), else any."""
    cohort = uow.cohorts.get(cohort_id)
    team = uow.trainer_teams.get(cohort.trainer_team_id) if cohort else None
    if cohort is None or team is None or not may_read(caller, team):
        raise NotFound(f"cohort {cohort_id} not found")
    if not may_record(caller, team):
        raise Forbidden("only the trainer team's sages and supervisors record its training")
    require_version(cohort.version, expected_version, "cohort")
    if completed and cohort.status != COMPLETED:
        raise Conflict("the cohort has not completed its training yet", allowed=[])
    return cohort, team


def _villages(uow: TeamsUnitOfWork, households: list[str]) -> dict[str, str]:
    return {h.id: h.village_code for h in uow.households.many(households).values()}


def _attended(uow: TeamsUnitOfWork, cohort: Cohort) -> set[str]:
    marks = uow.cohorts.attendance([s.id for s in uow.cohorts.sessions(cohort.id)])
    return {h for per_session in marks.values() for h, present in per_session.items() if present}


def _completed_event(cohort: Cohort, household_id: str) -> dict[str, Any]:
    return {
        "household_id": household_id,
        "cohort_id": cohort.id,
        "village_code": cohort.village_code,
        "occupation": cohort.occupation,
        "completed_at": cohort.completed_at,
    }
