"""The Thai fiscal year, one rule for every service: 1 October to 30 September in Bangkok, named
in the Buddhist Era by the year it ends in, asked for or kept from 2560 to five years ahead."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.fiscal import (
    THAILAND,
    current_fiscal_year,
    first_day,
    fiscal_year_at,
    fiscal_year_days,
    fiscal_year_of,
    fiscal_year_problem,
    fiscal_year_span,
    last_day,
    thai_today,
)

BANGKOK_NEW_YEAR = datetime(2026, 9, 30, 17, 0, tzinfo=UTC)  # 1 Oct 2026 00:00 in Bangkok


def test_2570_runs_from_october_2026_to_september_2027():
    assert fiscal_year_of(date(2026, 9, 30)) == 2569
    assert fiscal_year_of(date(2026, 10, 1)) == 2570
    assert fiscal_year_of(date(2027, 9, 30)) == 2570
    assert (first_day(2570), last_day(2570)) == (date(2026, 10, 1), date(2027, 9, 30))
    assert fiscal_year_days(2570) == (date(2026, 10, 1), date(2027, 10, 1))


def test_the_year_turns_at_midnight_in_bangkok_not_in_greenwich():
    just_before = BANGKOK_NEW_YEAR - timedelta(microseconds=1)
    assert fiscal_year_at(just_before) == 2569
    assert fiscal_year_at(BANGKOK_NEW_YEAR) == 2570
    assert thai_today(BANGKOK_NEW_YEAR) == date(2026, 10, 1)
    assert current_fiscal_year(BANGKOK_NEW_YEAR) == 2570  # still 30 Sep in UTC
    assert current_fiscal_year(datetime(2026, 9, 30, 16, 59, tzinfo=UTC)) == 2569


def test_the_span_is_bangkok_midnights_as_utc_moments():
    start, end = fiscal_year_span(2570)
    assert start == BANGKOK_NEW_YEAR and start.tzinfo == UTC
    assert end == datetime(2027, 9, 30, 17, 0, tzinfo=UTC)


@given(st.datetimes(min_value=datetime(2017, 1, 1), max_value=datetime(2040, 1, 1)))
def test_a_moment_lies_inside_the_span_of_its_own_fiscal_year(naive):
    moment = naive.replace(tzinfo=UTC)
    start, end = fiscal_year_span(fiscal_year_at(moment))
    assert start <= moment < end
    assert fiscal_year_of(moment.astimezone(THAILAND).date()) == fiscal_year_at(moment)


@pytest.mark.parametrize(
    "year, ok",
    [(2559, False), (2560, True), (2570, True), (2575, True), (2576, False), (2026, False)],
)
def test_years_from_2560_to_five_years_ahead_may_be_asked_for_or_kept(year, ok):
    assert (fiscal_year_problem(year, today=date(2026, 12, 2)) is None) is ok
