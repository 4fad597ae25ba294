"""Sammachip against the real database (SQLite and PostgreSQL): trainer teams, cohorts, groups."""

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, ValidationFailed
from services.teams.settings import Settings
from services.teams.usecases import cohorts, groups, trainers
from services.teams.usecases.commands.cohorts import (
    AddSession,
    CompleteCohort,
    Mark,
    OpenCohort,
    RecordAttendance,
)
from services.teams.usecases.commands.groups import AddGroupMembers, FormGroup, RegisterGroup
from services.teams.usecases.commands.trainers import FormTrainerTeam, JoinTrainerTeam
from tests.integration.teams.world import (
    ADMIN,
    NOW,
    VILLAGE,
    as_caller,
    count,
    known_household,
    outbox,
    register,
)

SETTINGS = Settings(cohort_max_households=30)


def trainer_team(uow, village=VILLAGE, name="first"):
    sages = [register(uow, f"sage{i}.{name}", Role.TRAINER, [village]) for i in range(5)]
    members = tuple(
        JoinTrainerTeam(p.id, i == 0, date(2026, 6, 1) if i == 0 else None)
        for i, p in enumerate(sages)
    )
    command = FormTrainerTeam(village, "Trainers", members)
    return trainers.form_trainer_team(uow, ADMIN, command, NOW), sages


def open_cohort(uow, team, households, who=ADMIN):
    command = OpenCohort(team.id, "Basketry", tuple(households))
    return cohorts.open_cohort(uow, who, command, SETTINGS, NOW)


def session(uow, cohort, who=ADMIN, held_on=date(2026, 12, 1)):
    command = AddSession(held_on, 180, "practice", "weaving")
    return cohorts.add_session(uow, who, cohort.id, command, NOW)


def test_a_cohort_of_two_hundred_is_refused_and_nothing_changes(uow):
    team, _ = trainer_team(uow)
    households = [known_household(uow) for _ in range(200)]
    with pytest.raises(ValidationFailed) as failure:
        open_cohort(uow, team, households)
    assert [e.field for e in failure.value.errors] == ["households"]
    assert count(uow, "cohorts") == 0 and count(uow, "cohort_households") == 0


def test_attendance_for_a_household_not_in_the_cohort_is_refused_and_nothing_changes(uow):
    team, sages = trainer_team(uow)
    enrolled, stranger = known_household(uow), known_household(uow)
    cohort = open_cohort(uow, team, [enrolled])
    held = session(uow, cohort, as_caller(sages[1]))
    marks = RecordAttendance((Mark(enrolled, True), Mark(stranger, True)))
    with pytest.raises(ValidationFailed) as failure:
        cohorts.record_attendance(uow, ADMIN, cohort.id, held.id, marks)
    assert [e.field for e in failure.value.errors] == ["attendance.1.household_id"]
    assert count(uow, "attendance") == 0
    assert cohorts.cohort_view(uow, ADMIN, cohort.id)["cohort"].version == 2  # the session only


def test_training_runs_as_long_as_it_needs_and_completion_is_announced_per_household(uow):
    team, sages = trainer_team(uow)
    lead = as_caller(sages[0])
    households = [known_household(uow) for _ in range(3)]
    cohort = open_cohort(uow, team, households, lead)
    for day in range(1, 8):  # seven days: a craft that needs more than five
        held = session(uow, cohort, lead, date(2026, 12, day))
        marks = tuple(Mark(h, h != households[2]) for h in households)
        cohorts.record_attendance(uow, lead, cohort.id, held.id, RecordAttendance(marks))
    view = cohorts.cohort_view(uow, lead, cohort.id)
    assert len(view["sessions"]) == 7
    done = cohorts.complete_cohort(
        uow, lead, cohort.id, CompleteCohort(), view["cohort"].version, NOW
    )
    assert done.status == "completed"
    announced = [d for t, d in outbox(uow) if t == "training_completed"]
    assert sorted(d["household_id"] for d in announced) == sorted(households[:2])
    assert {d["occupation"] for d in announced} == {"Basketry"} and announced[0][
        "cohort_id"
    ] == cohort.id
    with pytest.raises(Conflict):
        session(uow, done, lead)


def test_sages_record_for_their_own_team_only(uow):
    mine, sages = trainer_team(uow)
    theirs, _ = trainer_team(uow, village="24010102", name="second")
    household = known_household(uow, village="24010102")
    cohort = open_cohort(uow, theirs, [household])
    with pytest.raises(NotFound):
        session(uow, cohort, as_caller(sages[0]))
    with pytest.raises(NotFound):
        open_cohort(uow, theirs, [household], as_caller(sages[0]))
    assert trainers.get_trainer_team(uow, as_caller(sages[0]), mine.id) == mine
    coordinator = as_caller(register(uow, "coordinator", Role.SUBDISTRICT_COORDINATOR, ["240101"]))
    assert cohorts.cohort_view(uow, coordinator, cohort.id)["cohort"].id == cohort.id
    with pytest.raises(Forbidden):
        session(uow, cohort, coordinator)


def test_a_village_has_one_trainer_team(uow):
    trainer_team(uow)
    with pytest.raises(Conflict) as failure:
        trainer_team(uow, name="second")
    assert [e.field for e in failure.value.errors] == ["village_code"]


def test_occupation_groups_take_trained_households_of_the_same_occupation(uow):
    team, _ = trainer_team(uow)
    trained, untrained = known_household(uow), known_household(uow)
    cohort = open_cohort(uow, team, [trained, untrained])
    held = session(uow, cohort)
    cohorts.record_attendance(
        uow, ADMIN, cohort.id, held.id, RecordAttendance((Mark(trained, True),))
    )
    cohorts.complete_cohort(uow, ADMIN, cohort.id, CompleteCohort(), None, NOW)
    command = FormGroup("Basket makers", "basketry ", VILLAGE, (trained,))
    group = groups.form_group(uow, ADMIN, command, NOW)
    assert group.members == (trained,)
    with pytest.raises(ValidationFailed) as failure:
        groups.join_group(uow, ADMIN, group.id, AddGroupMembers((untrained,)), 1)
    assert failure.value.errors[0].field == "members.0"
    registered = groups.register_group(
        uow,
        ADMIN,
        group.id,
        RegisterGroup("OTOP-24-001", date(2027, 1, 5)),
        1,
    )
    assert (
        registered.registered
        and groups.get_group(uow, ADMIN, group.id).registration_number == "OTOP-24-001"
    )
