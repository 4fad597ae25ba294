"""A Smile Team's yearly plan: the support organisations' plan cycle with the district's approval,
tasks in the fiscal year, quarterly reports and lessons."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.errors import Conflict, ValidationFailed
from infra.fiscal import fiscal_year_of
from services.teams.domain import team_plans
from services.teams.domain.support_organisations import Task
from services.teams.domain.team_plans import Lesson, PeriodReport, quarter_start

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # fiscal year 2570, its first quarter


def draft():
    return team_plans.new_plan("team", 2570, " แผนปี 2570 ", NOW)


def task(due: date = date(2027, 3, 31)) -> Task:
    return Task("เยี่ยมบ้าน", due, None, NOW, household_id="h1")


def approved():
    return team_plans.decided(team_plans.submitted(team_plans.with_task(draft(), task())), True)


def test_a_draft_is_edited_and_given_tasks_in_its_fiscal_year_only():
    plan = team_plans.edited(draft(), " ใหม่ ")
    assert (plan.title, plan.approval, plan.phase, plan.version) == ("ใหม่", "draft", "plan", 2)
    with pytest.raises(ValidationFailed) as failure:
        team_plans.with_task(plan, task(date(2027, 10, 1)))
    assert [e.field for e in failure.value.errors] == ["due_on"]
    with_task = team_plans.with_task(plan, task(date(2027, 9, 30)))
    assert [t.household_id for t in with_task.tasks] == ["h1"]


def test_submitting_needs_a_task_and_freezes_the_draft():
    with pytest.raises(Conflict) as failure:
        team_plans.submitted(draft())
    assert [e.field for e in failure.value.errors] == ["tasks"]
    submitted = team_plans.submitted(team_plans.with_task(draft(), task()))
    assert submitted.approval == "submitted"
    for change in (lambda p: team_plans.edited(p, "x"), lambda p: team_plans.with_task(p, task())):
        with pytest.raises(Conflict):
            change(submitted)
    with pytest.raises(Conflict):
        team_plans.submitted(submitted)


def test_returned_plans_are_drafts_again_and_approved_ones_are_carried_out():
    submitted = team_plans.submitted(team_plans.with_task(draft(), task()))
    returned = team_plans.decided(submitted, False)
    assert (returned.approval, returned.phase) == ("draft", "plan")
    plan = approved()
    assert (plan.approval, plan.phase) == ("approved", "execute")
    with pytest.raises(Conflict):
        team_plans.decided(plan, True)


def test_a_team_plan_is_not_carried_out_by_moving_its_phase_without_approval():
    with pytest.raises(Conflict):
        team_plans.with_task(draft(), task()).advance("execute", None)
    assert approved().advance("monitor_evaluate", None).phase == "monitor_evaluate"


def test_progress_is_reported_on_approved_plans_only():
    plan = team_plans.with_task(draft(), task())
    with pytest.raises(Conflict):
        team_plans.progress_reported(plan, plan.tasks[0].id, 50)
    plan = approved()
    assert team_plans.progress_reported(plan, plan.tasks[0].id, 50).tasks[0].progress == 50


def test_quarters_of_the_fiscal_year_start_in_october_january_april_and_july():
    starts = [quarter_start(2570, q) for q in (1, 2, 3, 4)]
    assert starts == [date(2026, 10, 1), date(2027, 1, 1), date(2027, 4, 1), date(2027, 7, 1)]


@given(st.integers(2560, 2600), st.sampled_from((1, 2, 3, 4)))
def test_every_quarter_starts_in_its_fiscal_year(year, quarter):
    assert fiscal_year_of(quarter_start(year, quarter)) == year


def test_a_quarter_is_reported_once_it_has_begun_with_a_summary():
    plan = approved()
    report = PeriodReport.of(plan, 1, " เยี่ยมครบ ", 12, "vl", NOW)
    assert (report.quarter, report.summary, report.households_followed) == (1, "เยี่ยมครบ", 12)
    for quarter, summary, field in ((2, "x", "quarter"), (1, " ", "summary")):
        with pytest.raises(ValidationFailed) as failure:
            PeriodReport.of(plan, quarter, summary, 0, "vl", NOW)
        assert [e.field for e in failure.value.errors] == [field]
    with pytest.raises(Conflict):
        PeriodReport.of(replace(plan, approval="draft"), 1, "x", 0, "vl", NOW)


def test_lessons_come_from_approved_plans_with_a_known_topic():
    lesson = Lesson.learned(approved(), "2401", "funding", " ออมก่อนกู้ ", "ข้อความ", "vl", NOW)
    assert (lesson.province_code, lesson.fiscal_year, lesson.title) == ("24", 2570, "ออมก่อนกู้")
    for topic, title, field in (("gossip", "t", "topic"), ("care", " ", "title")):
        with pytest.raises(ValidationFailed) as failure:
            Lesson.learned(approved(), "2401", topic, title, "x", "vl", NOW)
        assert [e.field for e in failure.value.errors] == [field]
    with pytest.raises(Conflict):
        Lesson.learned(draft(), "2401", "care", "t", "x", "vl", NOW)
