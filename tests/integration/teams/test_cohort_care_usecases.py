"""Around a cohort against the real database (SQLite and PostgreSQL): willingness, follow-ups and
the one announcement of each late one, results after training, and the outcome in the table."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from infra.errors import Conflict, ValidationFailed
from services.teams.db.cohorts import CohortFilter
from services.teams.db.common import Reach
from services.teams.settings import Settings
from services.teams.usecases import cohort_care, cohorts
from services.teams.usecases.commands.cohort_care import (
    FollowUpDone,
    PlanFollowUp,
    RecordResult,
    RecordWillingness,
)
from services.teams.usecases.commands.cohorts import EnrolHouseholds
from services.teams.usecases.commands.reports import ReportQuery
from services.teams.usecases.sammachip_report import sammachip_report
from tests.integration.teams.programme_world import IN_2570, train, trainer_team
from tests.integration.teams.test_sammachip_usecases import open_cohort
from tests.integration.teams.world import ADMIN, count, known_household, outbox

SETTINGS = Settings(follow_up_after_training_days=30)
A = "94010101"
LATER = IN_2570 + timedelta(days=200)  # past both checkpoints, still fiscal year 2570


def cohort_of(uow):
    with uow:
        return uow.cohorts.list(Reach(None, ""), CohortFilter(), None, 10).items[0]


def test_a_household_that_says_no_leaves_and_is_not_enrolled_again(uow):
    team = trainer_team(uow, A)
    stays, leaves = known_household(uow, A), known_household(uow, A)
    cohort = open_cohort(uow, team, [stays, leaves])
    no = RecordWillingness(False, date(2026, 11, 20))
    changed = cohort_care.record_willingness_of(uow, ADMIN, cohort.id, leaves, no, 1, IN_2570)
    assert changed.households == (stays,)
    with pytest.raises(ValidationFailed) as refused:
        cohorts.enrol(uow, ADMIN, cohort.id, EnrolHouseholds((leaves,)), 2, Settings())
    assert refused.value.errors[0].field == "households.0"
    (answer,) = cohort_care.care_view(uow, ADMIN, cohort.id)["willingness"]
    assert (answer.household_id, answer.willing, answer.asked_on) == (leaves, False, no.asked_on)
    last = cohort_care.record_willingness_of(uow, ADMIN, cohort.id, stays, no, 2, IN_2570)
    assert last.households == () and cohorts.cohort_view(uow, ADMIN, cohort.id)["cohort"] == last


def test_late_follow_ups_are_announced_once_and_the_done_one_is_published(uow):
    train(uow, trainer_team(uow, A), 2)
    cohort = cohort_of(uow)
    planned = PlanFollowUp("after", date(2026, 12, 1), note="visit the group")
    follow_up = cohort_care.plan_follow_up(uow, ADMIN, cohort.id, planned, IN_2570)
    today = date(2026, 12, 25)  # 34 days after training, 24 after the planned visit
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, today, LATER) == 2
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, today, LATER) == 0
    late = {d["subject_id"]: d for t, d in outbox(uow) if t == "cohort_follow_up_overdue"}
    assert late[follow_up.id]["due_on"] == "2026-12-01"
    assert late[cohort.id]["due_on"] == "2026-12-21" and late[cohort.id]["follow_up_id"] is None
    assert count(uow, "follow_up_notices") == 2
    done = FollowUpDone(today, "group meets monthly")
    cohort_care.record_follow_up_done(uow, ADMIN, cohort.id, follow_up.id, done, 1, LATER)
    (published,) = [d for t, d in outbox(uow) if t == "cohort_follow_up_done"]
    assert published["phase"] == "after" and published["follow_up_id"] == follow_up.id
    (stored,) = cohort_care.care_view(uow, ADMIN, cohort.id)["follow_ups"]
    assert (stored.done_on, stored.note, stored.version) == (today, "group meets monthly", 2)


def test_a_cohort_followed_up_after_training_is_not_late(uow):
    train(uow, trainer_team(uow, A), 1)
    cohort = cohort_of(uow)
    after = PlanFollowUp("after", date(2026, 11, 30), date(2026, 11, 30))
    cohort_care.plan_follow_up(uow, ADMIN, cohort.id, after, LATER)
    assert cohort_care.announce_late_follow_ups(uow, SETTINGS, date(2027, 3, 1), LATER) == 0


def result(household, months=3, income="1500.25", costs="300"):
    return RecordResult(household, months, "Basketry", Decimal(income), Decimal(costs))


def test_a_result_is_kept_to_the_satang_once_per_household_and_checkpoint(uow):
    trained = train(uow, trainer_team(uow, A), 2)
    cohort = cohort_of(uow)
    stored, new = cohort_care.record_result(uow, ADMIN, cohort.id, result(trained[0]), LATER)
    assert new and stored.income_earned_thb == Decimal("1500.25")
    _, new = cohort_care.record_result(uow, ADMIN, cohort.id, result(trained[0]), LATER)
    assert not new and count(uow, "training_results") == 1
    with pytest.raises(Conflict):
        cohort_care.record_result(uow, ADMIN, cohort.id, result(trained[0], costs="1"), LATER)
    (kept,) = cohort_care.care_view(uow, ADMIN, cohort.id)["results"]
    assert (kept.income_earned_thb, kept.costs_cut_thb) == (Decimal("1500.25"), Decimal("300"))


def test_the_sammachip_table_shows_the_outcome_at_each_households_latest_checkpoint(uow):
    trained_a = train(uow, trainer_team(uow, A), 3)
    cohort_a = cohort_of(uow)
    for household in trained_a[:2]:
        cohort_care.record_result(uow, ADMIN, cohort_a.id, result(household), LATER)
    six = result(trained_a[0], 6, income="2000.50", costs="0")
    cohort_care.record_result(uow, ADMIN, cohort_a.id, six, LATER)
    none_taken = RecordResult(trained_a[2], 3, "", Decimal("0"), Decimal("120.10"))
    cohort_care.record_result(uow, ADMIN, cohort_a.id, none_taken, LATER)
    table = sammachip_report(uow, ADMIN, ReportQuery("9401", 2570))
    rows = {row["key"]: row for row in table["rows"]}
    assert {k: rows["940101"][k] for k in OUTCOME} == {
        "households_result_3m": 3,
        "households_result_6m": 1,
        "households_with_occupation": 2,
        "income_earned_thb": "3500.75",  # 2000.50 at six months, 1500.25 at three
        "costs_cut_thb": "420.10",
    }
    assert not any(k in rows["940102"] for k in OUTCOME)


OUTCOME = (
    "households_result_3m",
    "households_result_6m",
    "households_with_occupation",
    "income_earned_thb",
    "costs_cut_thb",
)
