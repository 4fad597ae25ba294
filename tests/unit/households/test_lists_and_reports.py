"""The households list, the plans list and the cases report with the fake unit of work: the page
and its cursor, the plain filter the repository is given (the caller's reach, the area's parts,
the fiscal year) and the counts folded into rows. No database."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import NamedTuple

import pytest

from infra.errors import NotFound
from infra.fiscal import fiscal_year_span
from infra.pagination import Page, decode_cursor
from services.households.db.queries import Reach
from services.households.domain.plan import PlanStatus
from services.households.usecases import plans, queries, reports
from services.households.usecases.commands import CasesReport, FindHouseholds, TeamCasesReport
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    LEADER,
    SUPERVISOR,
    TEAM,
    case,
    plan,
)
from tests.unit.households.fakes import FakeUnitOfWork

TODAY = date(2026, 11, 21)


def listed(count: int) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(id=f"h{n}", village_code=f"2401010{n % 10}", priority_rank=100 + n)
        for n in range(count)
    ]


def test_a_full_page_gives_the_cursor_of_the_next_and_the_filter_reads_the_query() -> None:
    uow = FakeUnitOfWork()
    uow.queries.listed = listed(3)
    query = FindHouseholds(area="2401", stage=Stage.CARE, overdue=True, limit=2)

    found = queries.find_households(uow, COORDINATOR, query, TODAY)

    assert isinstance(found, Page) and [h.id for h in found.items] == ["h0", "h1"]
    assert found.next is not None and decode_cursor(found.next, 2) == ["24010101", "h1"]
    ((reach, where, after, limit),) = uow.queries.asked
    assert reach == Reach(everything=False, teams=(), areas=("240101",))
    assert (where.area, where.stage, where.overdue_on, where.order) == (
        "2401", Stage.CARE, TODAY, "village",
    )  # fmt: skip
    assert (after, limit) == (None, 2)


def test_the_last_page_has_no_cursor_and_priority_pages_follow_the_rank() -> None:
    uow = FakeUnitOfWork()
    uow.queries.listed = listed(3)

    last = queries.find_households(uow, LEADER, FindHouseholds(limit=3), TODAY)
    ranked = queries.find_households(uow, LEADER, FindHouseholds(order="priority", limit=1), TODAY)

    assert (len(last.items), last.next) == (3, None)
    assert ranked.next is not None and decode_cursor(ranked.next, 2) == [100, "h0"]
    reach, where, _, _ = uow.queries.asked[0]
    assert reach == Reach(everything=False, teams=(TEAM,), areas=()) and where.overdue_on is None


def test_the_plans_list_is_one_page_of_every_version_for_a_caller_who_sees_the_case() -> None:
    household = case(Stage.MANAGE)
    first = plan(household, PlanStatus.APPROVED)
    second = plan(household, number=2)
    uow = FakeUnitOfWork().given(household, first, second)

    found = plans.list_plans(uow, COORDINATOR, household.id)

    assert [p.number for p in found.items] == [1, 2] and found.next is None
    with pytest.raises(NotFound):
        plans.list_plans(uow, ELSEWHERE, household.id)


class Decided(NamedTuple):
    key: str
    graduated_ever: int
    graduated_in_year: int


def test_a_district_supervisor_asking_for_the_province_counts_only_the_district() -> None:
    uow = FakeUnitOfWork()
    care = dict(targeted=2, consented=2, declined=0, overdue_visits=1, monitored=0, without_team=1)
    uow.reports.per_stage = [SimpleNamespace(key="2401", stage="care", households=2, **care)]
    uow.reports.decided = [Decided("2401", 3, 1)]
    uow.reports.kinds = [SimpleNamespace(key="2401", kind="referral", status="done", n=2)]

    answer = reports.cases_report(uow, SUPERVISOR, CasesReport("24", 2570), TODAY)

    (row,) = answer["rows"]
    assert (row["key"], row["registered"], row["stage_care"], row["overdue_visits"]) == (
        "2401", 2, 2, 1,
    )  # fmt: skip
    assert (row["without_team"], row["graduated_ever"], row["interventions_referral"]) == (1, 3, 2)
    wanted = uow.reports.asked[0]
    assert (wanted.area, wanted.parts, wanted.key_length, wanted.team_id) == (
        "24",
        ("2401",),
        4,
        None,
    )
    assert (wanted.year_start, wanted.year_end) == fiscal_year_span(2570)
    assert wanted.reach == Reach(everything=False, teams=(), areas=("2401",))
    assert wanted.today == TODAY and len(set(uow.reports.asked)) == 1


def test_an_area_outside_the_callers_reach_is_not_found() -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(NotFound):
        reports.cases_report(uow, ELSEWHERE, CasesReport("2402", 2570), TODAY)
    assert uow.reports.asked == []


def test_a_teams_report_asks_for_the_teams_households_a_row_per_village() -> None:
    uow = FakeUnitOfWork()

    answer = reports.team_cases_report(uow, LEADER, TeamCasesReport(TEAM, 2570), TODAY)

    assert answer == {"rows": []}
    wanted = uow.reports.asked[0]
    assert (wanted.team_id, wanted.key_length, wanted.parts) == (TEAM, 8, ())
    assert wanted.reach == Reach(everything=False, teams=(TEAM,), areas=())
