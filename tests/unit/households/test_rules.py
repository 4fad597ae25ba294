"""Targeting, priority, graduation and the case state machine: the rules, with properties."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.errors import Conflict, ValidationFailed
from services.households.domain import case
from services.households.domain.care import graduates
from services.households.domain.household import Consent, Household, Member
from services.households.domain.stages import TRANSITIONS, check_move
from services.households.domain.targeting import (
    Assessment,
    income_per_person,
    priority_rank,
    threshold_for,
)
from services.households.vocabulary import Stage

NOW = datetime(2026, 11, 21, 3, tzinfo=UTC)
THRESHOLD = Decimal("38000")
money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False)


@given(income=money, size=st.integers(1, 20))
def test_poor_means_income_per_person_below_the_threshold(income, size):
    per_person = income_per_person(income, size)
    assessment = Assessment(2026, per_person, 0, THRESHOLD)
    assert assessment.fails_income == (per_person < THRESHOLD)
    assert assessment.is_target == assessment.fails_income


def test_the_threshold_is_the_latest_configured_year_not_after_the_survey():
    thresholds = {2017: Decimal("38000"), 2023: Decimal("40000")}
    assert threshold_for(thresholds, 2022) == Decimal("38000")
    assert threshold_for(thresholds, 2026) == Decimal("40000")
    with pytest.raises(ValidationFailed):
        threshold_for(thresholds, 2016)


keys = st.tuples(st.booleans(), st.integers(0, 99), money)


@given(st.lists(keys, min_size=2, max_size=30))
def test_priority_rank_orders_like_d3_1(households):
    by_rank = sorted(households, key=lambda h: priority_rank(*h))
    by_rule = sorted(households, key=lambda h: (not h[0], -h[1], h[2]))
    assert [(h[0], h[1], h[2]) for h in by_rank] == by_rule


@given(st.lists(money, max_size=5), st.integers(0, 3))
def test_graduation_needs_two_assessments_at_the_threshold_and_nothing_open(incomes, open_items):
    expected = open_items == 0 and len(incomes) >= 2 and all(i >= THRESHOLD for i in incomes[:2])
    assert graduates(incomes, THRESHOLD, open_items) == expected


def household():
    head = Member("Somchai", "Dee", "1101700230708", True, date(1970, 1, 1), "male")
    return Household.register("24010101", [head], NOW, Decimal("30000"), size=2)


def test_an_illegal_jump_is_a_conflict_naming_the_allowed_moves():
    with pytest.raises(Conflict) as refused:
        check_move(Stage.TARGET, Stage.CARE)
    assert refused.value.extra["allowed"] == ["compass", "declined", "moved", "deceased", "merged"]


def test_graduation_is_not_asked_for_by_hand():
    with pytest.raises(Conflict) as refused:
        check_move(Stage.CARE, Stage.GRADUATED, manual=True)
    assert "graduated" not in refused.value.extra["allowed"]


def test_end_states_are_final():
    for stage in (Stage.DECLINED, Stage.MOVED, Stage.DECEASED, Stage.MERGED):
        assert stage not in TRANSITIONS


def test_consent_no_closes_the_case_as_declined_and_records_who_and_why():
    h = household()
    case.target(h, Assessment(2026, Decimal("15000"), 2, THRESHOLD), "p1", NOW)
    case.record_consent(h, Consent(False, "p2", NOW))
    assert h.stage is Stage.DECLINED and h.consent.recorded_by == "p2"
    assert [(t.to_stage, t.changed_by) for t in h.new_transitions] == [
        (Stage.TARGET, "p1"),
        (Stage.DECLINED, "p2"),
    ]


def test_care_schedules_visits_and_graduation_monitors_twelve_months():
    h = household()
    h.stage = Stage.MANAGE
    case.move(h, Stage.CARE, "p", "support under way", NOW, manual=True, interval_days=30)
    assert h.next_visit_due == date(2026, 12, 21)
    case.move(h, Stage.GRADUATED, "system", "rule", NOW)
    assert h.monitoring_until == date(2027, 11, 21)
    case.visit_logged(h, date(2027, 11, 1), 30)
    assert h.next_visit_due is None  # past the end of monitoring


def test_income_per_person_is_derived_from_the_household_size():
    assert household().income_per_person_thb == Decimal("15000.00")


@pytest.mark.parametrize("code", ["99999901", "10999901"])
def test_a_village_in_no_real_tambon_is_refused(code):
    with pytest.raises(ValidationFailed) as refused:
        Household.register(code, household().members, NOW)
    assert {e.field for e in refused.value.errors} == {"village_code"}
