"""Use cases around a cohort with the fake unit of work: willingness, follow-ups and the
announcement of late ones, results after training. No database."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.cohort import COMPLETED, Cohort
from services.teams.domain.households import KnownHousehold
from services.teams.domain.trainers import Sage, TrainerTeam
from services.teams.settings import Settings
from services.teams.usecases import cohort_care, cohorts
from services.teams.usecases.commands.cohort_care import (
    FollowUpDone,
    PlanFollowUp,
    RecordResult,
    RecordWillingness,
)
from services.teams.usecases.commands.cohorts import EnrolHouseholds
from tests.unit.teams.factories import NOW, VILLAGE, caller
from tests.unit.teams.fakes import FakeUnitOfWork

SETTINGS = Settings(follow_up_after_training_days=30)
LEAD = caller(Role.TRAINER, [VILLAGE], pid="sage0")
OUTSIDER = caller(Role.TRAINER, ["24010102"], pid="other")
READER = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="sup")
READER_ONLY = caller(Role.DISTRICT_EXPERT, [VILLAGE], pid="ex")
TEAM = TrainerTeam(
    VILLAGE,
    "Trainers",
    (Sage("sage0", True, date(2026, 6, 1)), *(Sage(f"sage{i}") for i in range(1, 5))),
    NOW,
)
H1, H2, H3 = (str(uuid.uuid4()) for _ in range(3))
OPEN = Cohort(TEAM.id, VILLAGE, "Basketry", (H1, H2), NOW)
TRAINED_AT = datetime(2026, 8, 1, 3, tzinfo=UTC)
DONE = Cohort(TEAM.id, VILLAGE, "Weaving", (H1,), NOW, COMPLETED, TRAINED_AT)


def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork().given(
        TEAM, OPEN, DONE, *(KnownHousehold(h, VILLAGE) for h in (H1, H2, H3))
    )
    uow.trainings.entries.append(
        {"household_id": H1, "cohort_id": DONE.id, "occupation": "Weaving"}
    )
    return uow


def test_a_household_saying_no_leaves_the_cohort_and_is_not_enrolled_again():
    uow = world()
    no = RecordWillingness(False, date(2026, 11, 20), "sage1")
    changed = cohort_care.record_willingness_of(uow, LEAD, OPEN.id, H2, no, 1, NOW)
    assert uow.cohorts.get(OPEN.id).households == (H1,) and changed.version == 2
    with pytest.raises(ValidationFailed) as refused:
        cohorts.enrol(uow, LEAD, OPEN.id, EnrolHouseholds((H3, H2)), 2, Settings())
    assert [e.field for e in refused.value.errors] == ["households.1"]
    assert cohorts.enrol(uow, LEAD, OPEN.id, EnrolHouseholds((H3,)), 2, Settings()).households == (
        H1,
        H3,
    )
    view = cohort_care.care_view(uow, READER, OPEN.id)
    assert [(w.household_id, w.willing, w.asked_by) for w in view["willingness"]] == [
        (H2, False, "sage1")
    ]


def test_willingness_is_versioned_and_kept_to_the_trainer_teams_reach():
    uow = world()
    yes = RecordWillingness(True, date(2026, 11, 20))
    with pytest.raises(PreconditionFailed):
        cohort_care.record_willingness_of(uow, LEAD, OPEN.id, H1, yes, 7, NOW)
    with pytest.raises(NotFound):
        cohort_care.record_willingness_of(uow, OUTSIDER, OPEN.id, H1, yes, 1, NOW)
    cohort_care.record_willingness_of(uow, LEAD, OPEN.id, H1, yes, None, NOW)
    assert cohort_care.care_view(uow, LEAD, OPEN.id)["willingness"][0].asked_by == "sage0"


def test_late_follow_ups_are_announced_once_and_a_done_one_is_announced_too():
    uow = world()
    planned = cohort_care.plan_follow_up(
        uow, LEAD, OPEN.id, PlanFollowUp("during", date(2026, 11, 1)), NOW
    )
    today = date(2026, 11, 21)
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, today, NOW) == 2
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, today, NOW) == 0
    late = {e["subject_id"]: e for e in uow.events("cohort_follow_up_overdue")}
    assert late[planned.id]["follow_up_id"] == planned.id and late[planned.id]["phase"] == "during"
    assert late[DONE.id] == {
        "subject_id": DONE.id,
        "cohort_id": DONE.id,
        "follow_up_id": None,
        "village_code": VILLAGE,
        "occupation": "Weaving",
        "phase": "after",
        "due_on": "2026-08-31",
        "detected_at": NOW.isoformat(),
    }
    done = cohort_care.record_follow_up_done(
        uow, LEAD, OPEN.id, planned.id, FollowUpDone(today, "visited"), 1, NOW
    )
    assert (
        done.note == "visited"
        and uow.events("cohort_follow_up_done")[0]["follow_up_id"] == planned.id
    )
    with pytest.raises(PreconditionFailed):
        cohort_care.record_follow_up_done(
            uow, LEAD, OPEN.id, planned.id, FollowUpDone(today), 1, NOW
        )


def test_a_follow_up_after_training_recorded_done_keeps_the_cohort_from_being_late():
    uow = world()
    after = PlanFollowUp("after", date(2026, 8, 20), date(2026, 8, 20), "group formed")
    cohort_care.plan_follow_up(uow, LEAD, DONE.id, after, NOW)
    assert uow.events("cohort_follow_up_done")[0]["phase"] == "after"
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, date(2026, 11, 21), NOW) == 0


def test_only_the_teams_sages_and_supervisors_record_follow_ups():
    uow = world()
    with pytest.raises(Forbidden):
        cohort_care.plan_follow_up(
            uow, READER_ONLY, OPEN.id, PlanFollowUp("before", NOW.date()), NOW
        )
    with pytest.raises(NotFound):
        cohort_care.record_follow_up_done(
            uow, LEAD, OPEN.id, "nope", FollowUpDone(NOW.date()), 1, NOW
        )


def result(months: int = 3, income: str = "1500.50", household: str = H1) -> RecordResult:
    return RecordResult(household, months, " Weaving  cloth ", Decimal(income), Decimal("0"))


def test_a_result_is_recorded_once_per_household_and_checkpoint():
    uow = world()
    stored, new = cohort_care.record_result(uow, LEAD, DONE.id, result(), NOW)
    assert new and stored.occupation == "Weaving cloth"
    (event,) = uow.events("training_result_recorded")
    assert event["months"] == 3 and "income_earned_thb" not in event
    again, new = cohort_care.record_result(uow, LEAD, DONE.id, result(), NOW + timedelta(1))
    assert not new and again == stored and len(uow.events("training_result_recorded")) == 1
    with pytest.raises(Conflict):
        cohort_care.record_result(uow, LEAD, DONE.id, result(income="9"), NOW)
    with pytest.raises(ValidationFailed):
        cohort_care.record_result(uow, LEAD, DONE.id, result(household=H2), NOW)
    with pytest.raises(Conflict):
        cohort_care.record_result(uow, LEAD, OPEN.id, result(), NOW)
    with pytest.raises(ValidationFailed):  # six months after 1 August is February
        cohort_care.record_result(uow, LEAD, DONE.id, result(6), NOW)
    later = result(6)
    assert cohort_care.record_result(uow, LEAD, DONE.id, later, datetime(2027, 2, 2, tzinfo=UTC))[1]
    assert len(cohort_care.care_view(uow, READER, DONE.id)["results"]) == 2
