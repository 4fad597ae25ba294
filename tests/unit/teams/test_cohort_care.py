"""The rules around a cohort: willingness, follow-ups, late follow-ups, results after training."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.errors import Conflict, ValidationFailed
from services.teams.domain.cohort import COMPLETED, Cohort
from services.teams.domain.cohort_care import (
    FollowUp,
    TrainingResult,
    Willingness,
    check_result,
    late_follow_ups,
    record_willingness,
    same_result,
    thai_today,
)
from services.teams.settings import Settings

NOW = datetime(2027, 1, 10, 3, tzinfo=UTC)
COHORT = Cohort("team", "24010101", "Basketry", ("h1", "h2"), NOW)
DONE = replace(COHORT, status=COMPLETED, completed_at=datetime(2026, 11, 1, 4, tzinfo=UTC))


def answer(household: str, willing: bool, asked_by: str = "sage") -> Willingness:
    return Willingness(COHORT.id, household, willing, asked_by, date(2027, 1, 9), "me", NOW)


def test_a_household_that_says_no_leaves_the_cohort_and_one_that_says_yes_stays():
    assert record_willingness(COHORT, answer("h1", False), {"sage"}).households == ("h2",)
    stays = record_willingness(COHORT, answer("h1", True), {"sage"})
    assert stays.households == ("h1", "h2") and stays.version == 2


def test_willingness_is_for_the_cohorts_households_asked_by_its_sages():
    with pytest.raises(ValidationFailed) as outside:
        record_willingness(COHORT, answer("h9", True), {"sage"})
    with pytest.raises(ValidationFailed) as stranger:
        record_willingness(COHORT, answer("h1", True, "stranger"), {"sage"})
    assert outside.value.errors[0].field == "household_id"
    assert stranger.value.errors[0].field == "asked_by"


def test_a_household_that_said_no_is_not_enrolled_again():
    villages = {"h3": "24010101", "h4": "24010101"}
    with pytest.raises(ValidationFailed) as refused:
        COHORT.enrol(["h3", "h4"], villages, 30, unwilling={"h4"})
    assert [e.field for e in refused.value.errors] == ["households.1"]


def test_a_follow_up_is_done_once_and_never_in_the_future():
    planned = FollowUp.plan(COHORT, "during", date(2027, 1, 5), None, " visit ", "me", NOW)
    assert planned.note == "visit" and planned.done_by is None
    done = planned.done(date(2027, 1, 10), None, "ex", NOW)
    assert (done.done_on, done.done_by, done.version) == (date(2027, 1, 10), "ex", 2)
    with pytest.raises(Conflict):
        done.done(date(2027, 1, 10), None, "ex", NOW)
    with pytest.raises(ValidationFailed):
        planned.done(date(2027, 1, 11), None, "ex", NOW)


def test_thailand_is_a_day_ahead_late_in_the_utc_evening():
    assert thai_today(datetime(2027, 1, 10, 18, tzinfo=UTC)) == date(2027, 1, 11)


def test_a_planned_follow_up_past_its_day_is_late_until_done():
    planned = FollowUp.plan(COHORT, "before", date(2027, 1, 5), None, "", "me", NOW)
    (late,) = late_follow_ups(COHORT, [planned], date(2027, 1, 6), 30)
    assert (late.subject_id, late.follow_up_id, late.due_on) == (
        planned.id,
        planned.id,
        planned.planned_on,
    )
    assert late_follow_ups(COHORT, [planned], date(2027, 1, 5), 30) == []
    done = planned.done(date(2027, 1, 6), None, "me", NOW)
    assert late_follow_ups(COHORT, [done], date(2027, 2, 1), 30) == []


@given(st.integers(1, 366), st.integers(-5, 5))
def test_a_cohort_needs_a_follow_up_after_training_within_the_days(days: int, shift: int):
    due = DONE.completed_at.date() + timedelta(days=days)
    today = due + timedelta(days=shift)
    late = late_follow_ups(DONE, [], today, days)
    assert [(x.subject_id, x.phase, x.due_on) for x in late] == (
        [(DONE.id, "after", due)] if today > due else []
    )
    after = FollowUp.plan(DONE, "after", today, DONE.completed_at.date(), "", "me", NOW)
    assert late_follow_ups(DONE, [after], today, days) == []


def test_an_open_cohort_is_never_late_for_its_follow_up_after_training():
    assert late_follow_ups(COHORT, [], date(2030, 1, 1), 1) == []


def result(months: int = 3, income: str = "1500.00", household: str = "h1") -> TrainingResult:
    return TrainingResult(
        DONE.id, household, months, "Basketry", Decimal(income), Decimal("200.00"), "me", NOW
    )


def test_a_result_is_for_a_trained_household_once_its_checkpoint_has_come():
    check_result(DONE, {"h1"}, result(3), date(2027, 2, 1))
    with pytest.raises(ValidationFailed) as early:
        check_result(DONE, {"h1"}, result(6), date(2027, 2, 1))
    with pytest.raises(ValidationFailed) as untrained:
        check_result(DONE, {"h1"}, result(household="h2"), date(2027, 2, 1))
    assert early.value.errors[0].field == "months"
    assert untrained.value.errors[0].field == "household_id"
    check_result(DONE, {"h1"}, result(6), date(2027, 5, 1))


def test_a_result_resent_with_the_same_values_is_the_stored_one_and_another_conflicts():
    stored = result()
    assert same_result(stored, replace(result(), recorded_at=NOW + timedelta(1))) is stored
    with pytest.raises(Conflict) as differs:
        same_result(stored, result(income="1600.00"))
    assert [e.field for e in differs.value.errors] == ["income_earned_thb"]


def test_the_days_to_follow_a_cohort_up_are_configured_within_a_year():
    days = Settings.from_config({"TEAMS": {"follow_up_after_training_days": "45"}})
    assert days.follow_up_after_training_days == 45
    with pytest.raises(ValueError):
        Settings.from_config({"TEAMS": {"follow_up_after_training_days": 0}})
