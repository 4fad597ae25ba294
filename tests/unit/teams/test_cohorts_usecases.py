"""Training cohort use cases with the fake unit of work: opening, enrolment, sessions,
attendance, completion announced per household, lists. No database."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.households import KnownHousehold
from services.teams.domain.trainers import Sage, TrainerTeam
from services.teams.settings import Settings
from services.teams.usecases import cohorts
from services.teams.usecases.commands.cohorts import (
    AddSession,
    CompleteCohort,
    EnrolHouseholds,
    ListCohorts,
    Mark,
    OpenCohort,
    RecordAttendance,
)
from tests.unit.teams.factories import NOW, VILLAGE, caller
from tests.unit.teams.fakes import FakeUnitOfWork

SETTINGS = Settings(cohort_max_households=3)
LEAD = caller(Role.TRAINER, [VILLAGE], pid="sage0")
TEAM = TrainerTeam(
    VILLAGE,
    "Trainers",
    (Sage("sage0", True, date(2026, 6, 1)), *(Sage(f"sage{i}") for i in range(1, 5))),
    NOW,
)
H1, H2, H3, H4, ELSEWHERE = (str(uuid.uuid4()) for _ in range(5))


def world() -> FakeUnitOfWork:
    here = [KnownHousehold(h, VILLAGE) for h in (H1, H2, H3, H4)]
    return FakeUnitOfWork().given(TEAM, *here, KnownHousehold(ELSEWHERE, "24010102"))


def opened(uow: FakeUnitOfWork, households: tuple[str, ...] = (H1, H2)):
    command = OpenCohort(TEAM.id, " Basketry ", households)
    return cohorts.open_cohort(uow, LEAD, command, SETTINGS, NOW)


def test_a_sage_opens_a_cohort_of_the_villages_households_and_enrols_more():
    uow = world()
    cohort = opened(uow)
    assert uow.cohorts.get(cohort.id).households == (H1, H2) and cohort.occupation == "Basketry"
    with pytest.raises(ValidationFailed):
        cohorts.enrol(uow, LEAD, cohort.id, EnrolHouseholds((ELSEWHERE,)), 1, SETTINGS)
    with pytest.raises(ValidationFailed):  # four would pass the most a cohort takes
        cohorts.enrol(uow, LEAD, cohort.id, EnrolHouseholds((H3, H4)), 1, SETTINGS)
    with pytest.raises(PreconditionFailed):
        cohorts.enrol(uow, LEAD, cohort.id, EnrolHouseholds((H3,)), 2, SETTINGS)
    enrolled = cohorts.enrol(uow, LEAD, cohort.id, EnrolHouseholds((H3,)), 1, SETTINGS)
    assert enrolled.households == (H1, H2, H3) and enrolled.version == 2


def test_nobody_outside_the_team_records_its_training():
    uow = world()
    cohort = opened(uow)
    reader = caller(Role.SUBDISTRICT_COORDINATOR, [VILLAGE[:6]])
    with pytest.raises(Forbidden):
        cohorts.add_session(uow, reader, cohort.id, AddSession(date(2026, 12, 1), 90, "class"), NOW)
    with pytest.raises(NotFound):
        opened_elsewhere = caller(Role.TRAINER, ["24010102"], pid="stranger")
        cohorts.open_cohort(uow, opened_elsewhere, OpenCohort(TEAM.id, "x", (H1,)), SETTINGS, NOW)


def test_attendance_counts_and_completion_is_announced_per_household_who_attended():
    uow = world()
    cohort = opened(uow)
    held = cohorts.add_session(
        uow, LEAD, cohort.id, AddSession(date(2026, 12, 1), 90, "class"), NOW
    )
    assert (held.topic, held.recorded_by) == ("", "sage0")
    with pytest.raises(ValidationFailed) as failure:
        cohorts.record_attendance(
            uow, LEAD, cohort.id, held.id, RecordAttendance((Mark(H1, True), Mark(H3, True)))
        )
    assert [e.field for e in failure.value.errors] == ["attendance.1.household_id"]
    marks = RecordAttendance((Mark(H1, True), Mark(H2, False)))
    assert cohorts.record_attendance(uow, LEAD, cohort.id, held.id, marks) == {H1: True, H2: False}
    done = cohorts.complete_cohort(uow, LEAD, cohort.id, CompleteCohort(), 3, NOW)
    assert done.status == "completed"
    announced = [d for t, d in uow.published if t == "training_completed"]
    assert [(d["household_id"], d["occupation"]) for d in announced] == [(H1, "Basketry")]
    assert uow.trainings.occupations_of([H1, H2]) == {H1: {"basketry"}}


def test_completion_names_the_households_given():
    uow = world()
    cohort = opened(uow)
    with pytest.raises(ValidationFailed) as failure:
        cohorts.complete_cohort(uow, LEAD, cohort.id, CompleteCohort((H1,)), None, NOW)
    assert [e.field for e in failure.value.errors] == ["households.0"]
    assert uow.published == []


def test_a_list_is_read_within_the_callers_reach_and_filter():
    uow = world()
    cohort = opened(uow)
    command = ListCohorts(None, 10, TEAM.id, VILLAGE, "open")
    assert cohorts.list_cohorts(uow, LEAD, command).items == [cohort]
    reach, where, after, limit = uow.cohorts.asked
    assert reach.person_id == "sage0" and (after, limit) == (None, 10)
    assert (where.trainer_team_id, where.area, where.status) == (TEAM.id, VILLAGE, "open")
