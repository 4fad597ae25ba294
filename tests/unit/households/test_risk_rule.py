"""The risk rule (issue 16): monotone in every signal, bounded, configured with checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.households.domain.risk import (
    LEVELS,
    RiskRule,
    Signals,
    assess,
    fell_from_escalation,
    income_fall_percent,
    raised_to_escalation,
    rank,
)
from services.households.settings import Settings

counts = st.integers(0, 400)
signals = st.builds(
    Signals,
    missed_visits=counts,
    loans_in_arrears=counts,
    arrears_days=st.integers(0, 5000),
    income_fall_percent=st.integers(0, 100).map(Decimal),
    bmn_worsened=counts,
)
rules = st.builds(
    lambda w, floors: RiskRule(
        missed_visit=w[0],
        loan_in_arrears=w[1],
        arrears_step=w[2],
        income_fall=w[3],
        bmn_indicator=w[4],
        income_fall_percent=w[5],
        medium=floors[0],
        high=floors[1],
        critical=floors[2],
    ),
    st.lists(st.integers(0, 10), min_size=6, max_size=6),
    st.lists(st.integers(1, 40), min_size=3, max_size=3).map(sorted),
)


def _more(a: Signals, b: Signals) -> Signals:
    return Signals(
        a.missed_visits + b.missed_visits,
        a.loans_in_arrears + b.loans_in_arrears,
        a.arrears_days + b.arrears_days,
        min(a.income_fall_percent + b.income_fall_percent, Decimal(100)),
        a.bmn_worsened + b.bmn_worsened,
    )


@given(signals, signals, rules)
def test_more_signals_never_lower_the_level(base: Signals, extra: Signals, rule: RiskRule) -> None:
    assert rank(assess(_more(base, extra), rule).level) >= rank(assess(base, rule).level)


@given(signals, rules)
def test_the_level_is_one_of_four_and_names_only_signals_that_earned_points(
    found: Signals, rule: RiskRule
) -> None:
    assessed = assess(found, rule)
    assert assessed.level in LEVELS
    assert (assessed.points == 0) == (assessed.signals == ())
    assert (assessed.level == "low") == (assessed.points < rule.medium)


@given(rules)
def test_no_signal_is_low(rule: RiskRule) -> None:
    assert assess(Signals(), rule).level == "low"


def test_the_default_rule_reads_as_documented() -> None:
    rule = RiskRule()
    assert assess(Signals(missed_visits=2), rule).level == "medium"
    assert assess(Signals(missed_visits=1, loans_in_arrears=1, arrears_days=31), rule).level == (
        "high"
    )
    worst = Signals(3, 1, 95, Decimal(20), 0)  # 3 + 2 + 4 + 2 points
    assert assess(worst, rule).level == "critical"
    assert assess(worst, rule).signals == (
        "missed_visits",
        "loans_in_arrears",
        "arrears_days",
        "income_fall",
    )


@given(st.decimals(0, 10**7, places=2), st.decimals(0, 10**7, places=2))
def test_income_fall_is_a_whole_percentage_of_the_income_before(
    before: Decimal, after: Decimal
) -> None:
    fall = income_fall_percent(before, after)
    assert 0 <= fall <= 100 and fall == fall.to_integral_value()
    assert (fall > 0) <= (after < before)


def test_escalation_rises_and_falls() -> None:
    assert raised_to_escalation("medium", "high") and raised_to_escalation("high", "critical")
    assert not raised_to_escalation("critical", "high")
    assert not raised_to_escalation("low", "medium")
    assert fell_from_escalation("high", "medium") and not fell_from_escalation("critical", "high")


@pytest.mark.parametrize(
    "block",
    [
        {"high": -1},
        {"medium": 5, "high": 4},
        {"medium": 0},
        {"missed_visit": "many"},
        {"missed_visit": True},
        {"arrears_days_step": 0},
        {"colour": 3},
        {"missed_visit": 1.5},
    ],
)
def test_a_bad_risk_block_stops_the_start_up(block: dict) -> None:
    with pytest.raises(ValueError, match=r"HOUSEHOLDS\.risk"):
        Settings.from_config({"HOUSEHOLDS": {"risk": block}})


def test_the_configured_rule_is_read() -> None:
    settings = Settings.from_config({"HOUSEHOLDS": {"risk": {"high": "5", "critical": 9}}})
    assert (settings.risk.high, settings.risk.critical, settings.risk.medium) == (5, 9, 2)
