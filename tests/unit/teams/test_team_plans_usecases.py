"""A Smile Team's plan with the fake unit of work: kept by the team's members, decided by the
supervisors over its district, read by neither another team nor another province; lessons
read across the province."""

from __future__ import annotations

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.assignment import Assignment
from services.teams.usecases import team_lessons, team_plans
from services.teams.usecases.commands.support_organisations import ReportProgress
from services.teams.usecases.commands.team_plans import (
    AddTeamTask,
    DecideTeamPlan,
    EditTeamPlan,
    ListLessons,
    PublishLesson,
    ReportQuarter,
    StartTeamPlan,
)
from tests.unit.teams.factories import NOW, VILLAGE, caller, full_team
from tests.unit.teams.fakes import FakeUnitOfWork

TEAM = full_team()
LEADER = caller(Role.VOLUNTEER_LEADER, [VILLAGE], pid="vl")
SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="sup")
PROVINCE = caller(Role.PROVINCIAL_SUPERVISOR, ["24"], pid="prov")
OTHER_DISTRICT = caller(Role.DISTRICT_SUPERVISOR, ["2402"], pid="sup2")
OTHER_PROVINCE = caller(Role.PROVINCIAL_SUPERVISOR, ["10"], pid="prov10")
OURS = Assignment("h1", VILLAGE, TEAM.id, "sup", NOW)
THEIRS = Assignment("h2", VILLAGE, "another-team", "sup", NOW)
DUE = date(2027, 3, 31)


def world() -> FakeUnitOfWork:
    return FakeUnitOfWork().given(TEAM, OURS, THEIRS)


def started(uow: FakeUnitOfWork):
    return team_plans.start_plan(uow, LEADER, TEAM.id, StartTeamPlan(2570, "แผนปี 2570"), NOW)


def approved(uow: FakeUnitOfWork):
    plan = started(uow)
    plan = team_plans.add_task(uow, LEADER, plan.id, AddTeamTask("เยี่ยม", DUE, "h1", "vl"), 1, NOW)
    plan = team_plans.submit_plan(uow, LEADER, plan.id, plan.version, NOW)
    return team_plans.decide_plan(uow, SUPERVISOR, plan.id, DecideTeamPlan(True), plan.version, NOW)


def test_one_plan_per_team_and_fiscal_year_started_by_its_members():
    uow = world()
    plan = started(uow)
    assert (plan.team_id, plan.year, plan.approval) == (TEAM.id, 2570, "draft")
    with pytest.raises(Conflict) as failure:
        started(uow)
    assert [e.field for e in failure.value.errors] == ["fiscal_year"]
    with pytest.raises(Forbidden):
        team_plans.start_plan(uow, SUPERVISOR, TEAM.id, StartTeamPlan(2571, "x"), NOW)
    with pytest.raises(NotFound):
        team_plans.start_plan(uow, OTHER_PROVINCE, TEAM.id, StartTeamPlan(2571, "x"), NOW)


def test_tasks_name_households_and_owners_of_the_team_only():
    uow = world()
    plan = started(uow)
    for command, field in (
        (AddTeamTask("x", DUE, household_id="h2"), "household_id"),
        (AddTeamTask("x", DUE, household_id="nobody"), "household_id"),
        (AddTeamTask("x", DUE, owner_id="sup"), "owner_id"),
    ):
        with pytest.raises(ValidationFailed) as failure:
            team_plans.add_task(uow, LEADER, plan.id, command, 1, NOW)
        assert [e.field for e in failure.value.errors] == [field]
    with pytest.raises(PreconditionFailed):
        team_plans.edit_plan(uow, LEADER, plan.id, EditTeamPlan("ใหม่"), 7)
    assert team_plans.edit_plan(uow, LEADER, plan.id, EditTeamPlan("ใหม่"), 1).title == "ใหม่"


def test_the_district_decides_and_the_events_follow():
    uow = world()
    plan = started(uow)
    plan = team_plans.add_task(uow, LEADER, plan.id, AddTeamTask("เยี่ยม", DUE, "h1"), 1, NOW)
    plan = team_plans.submit_plan(uow, LEADER, plan.id, 2, NOW)
    assert uow.events("team_plan_submitted")[0]["coverage"] == list(TEAM.coverage)
    for who, error in ((LEADER, Forbidden), (OTHER_DISTRICT, NotFound)):
        with pytest.raises(error):
            team_plans.decide_plan(uow, who, plan.id, DecideTeamPlan(True), 3, NOW)
    returned = team_plans.decide_plan(
        uow, SUPERVISOR, plan.id, DecideTeamPlan(False, "why"), 3, NOW
    )
    assert returned.approval == "draft" and uow.events("team_plan_approved") == []
    plan = team_plans.submit_plan(uow, LEADER, plan.id, 4, NOW)
    plan = team_plans.decide_plan(uow, PROVINCE, plan.id, DecideTeamPlan(True), 5, NOW)
    assert (plan.approval, plan.phase) == ("approved", "execute")
    assert [e["by"] for e in uow.events("team_plan_approved")] == ["prov"]


def test_progress_and_quarters_are_reported_by_members_on_the_approved_plan():
    uow = world()
    plan = approved(uow)
    task_id = plan.tasks[0].id
    report = ReportProgress(date(2026, 11, 20), 40, "ครึ่งทาง")
    assert (
        team_lessons.report_task(uow, LEADER, plan.id, task_id, report, NOW).tasks[0].progress == 40
    )
    with pytest.raises(NotFound):
        team_lessons.report_task(uow, LEADER, plan.id, "no-task", report, NOW)
    with pytest.raises(Forbidden):
        team_lessons.report_task(uow, SUPERVISOR, plan.id, task_id, report, NOW)
    team_lessons.report_quarter(uow, LEADER, plan.id, ReportQuarter(1, "เยี่ยมครบ", 1), NOW)
    with pytest.raises(Conflict) as failure:
        team_lessons.report_quarter(uow, LEADER, plan.id, ReportQuarter(1, "อีก"), NOW)
    assert [e.field for e in failure.value.errors] == ["quarter"]
    view = team_plans.plan_view(uow, PROVINCE, plan.id)
    assert [r.quarter for r in view["period_reports"]] == [1]
    assert [r["percent"] for r in view["reports"][task_id]] == [40]


def test_the_plan_is_read_by_the_team_and_its_supervisors_only():
    uow = world()
    plan = started(uow)
    for reader in (LEADER, SUPERVISOR, PROVINCE):
        assert team_plans.plan_view(uow, reader, plan.id)["plan"].id == plan.id
    neighbour = caller(Role.SUBDISTRICT_COORDINATOR, ["240102"], pid="co2")
    for stranger in (OTHER_DISTRICT, OTHER_PROVINCE, neighbour):
        with pytest.raises(NotFound):
            team_plans.plan_view(uow, stranger, plan.id)
    assert [p["year"] for p in team_plans.plans_of_team(uow, SUPERVISOR, TEAM.id)] == [2570]


def test_lessons_are_published_for_the_province_and_read_there_only():
    uow = world()
    plan = approved(uow)
    lesson = team_lessons.publish_lesson(
        uow, LEADER, plan.id, PublishLesson("funding", "ออมก่อนกู้", "ข้อความ"), NOW
    )
    assert lesson.district_code == "2401"
    assert uow.events("lesson_published")[0]["topic"] == "funding"
    other_team_leader = caller(Role.VOLUNTEER_LEADER, ["24020101"], pid="vl2")
    read = team_lessons.list_lessons(uow, other_team_leader, ListLessons())
    assert [x.id for x in read.items] == [lesson.id]
    assert team_lessons.list_lessons(uow, OTHER_PROVINCE, ListLessons()).items == []
    assert team_lessons.list_lessons(uow, caller(Role.TRAINER, ["24"]), ListLessons()).items == []
