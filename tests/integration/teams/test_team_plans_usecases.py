"""A Smile Team's yearly plan and the province's lessons against the real database (SQLite and
PostgreSQL): the whole cycle, the events in the outbox, and lessons read only in the province."""

from datetime import date, timedelta

import pytest

from infra.caller import Role
from infra.errors import Conflict, NotFound, ValidationFailed
from services.teams.usecases import assignments, team_lessons, team_plans
from services.teams.usecases.commands.assignments import AssignHousehold
from services.teams.usecases.commands.support_organisations import ReportProgress
from services.teams.usecases.commands.team_plans import (
    AddTeamTask,
    DecideTeamPlan,
    ListLessons,
    PublishLesson,
    ReportQuarter,
    StartTeamPlan,
)
from tests.integration.teams.world import (
    ADMIN,
    NOW,
    TAMBON,
    as_caller,
    form,
    known_household,
    outbox,
    register,
    trio,
)

DUE = date(2027, 6, 30)


def team_with_household(uow, suffix="", tambon=TAMBON):
    members = trio(uow, suffix, tambon)
    team = form(uow, f"Smile{suffix}", [tambon], members)
    household = known_household(uow, tambon + "01")
    assignments.assign(uow, ADMIN, AssignHousehold(household, team.id), NOW)
    return team, as_caller(members[Role.VOLUNTEER_LEADER]), household


def approved_plan(uow, team, leader, household, approver):
    plan = team_plans.start_plan(uow, leader, team.id, StartTeamPlan(2570, "แผนปี 2570"), NOW)
    task = AddTeamTask("เยี่ยมบ้านทุกเดือน", DUE, household, leader.person_id)
    plan = team_plans.add_task(uow, leader, plan.id, task, plan.version, NOW)
    plan = team_plans.submit_plan(uow, leader, plan.id, plan.version, NOW)
    decision = DecideTeamPlan(True, "เห็นชอบ")
    return team_plans.decide_plan(uow, approver, plan.id, decision, plan.version, NOW)


def lesson(uow, leader, plan, topic="funding", at=NOW):
    command = PublishLesson(topic, f"บทเรียน {topic}", "ชวนครัวเรือนออมก่อนกู้")
    return team_lessons.publish_lesson(uow, leader, plan.id, command, at)


def test_a_team_plan_runs_from_draft_to_approval_with_reports_and_events(uow):
    team, leader, household = team_with_household(uow)
    _, _, elsewhere = team_with_household(uow, "2", "240102")
    district = as_caller(register(uow, "district.sup", Role.DISTRICT_SUPERVISOR, ["2401"]))
    plan = team_plans.start_plan(uow, leader, team.id, StartTeamPlan(2570, "แผน"), NOW)
    with pytest.raises(ValidationFailed) as failure:
        team_plans.add_task(uow, leader, plan.id, AddTeamTask("x", DUE, elsewhere), 1, NOW)
    assert [e.field for e in failure.value.errors] == ["household_id"]
    with pytest.raises(Conflict) as failure:
        team_plans.start_plan(uow, leader, team.id, StartTeamPlan(2570, "อีก"), NOW)
    assert [e.field for e in failure.value.errors] == ["fiscal_year"]
    approved = approved_plan_after_start(uow, plan, leader, household, district)
    task_id = approved.tasks[0].id
    report = ReportProgress(date(2026, 11, 20), 100, "ครบ")
    team_lessons.report_task(uow, leader, plan.id, task_id, report, NOW)
    team_lessons.report_quarter(uow, leader, plan.id, ReportQuarter(1, "เยี่ยม 1 ครัวเรือน", 1), NOW)
    view = team_plans.plan_view(uow, district, plan.id)
    assert view["plan"].tasks[0].household_id == household
    assert view["plan"].tasks[0].progress == 100
    assert [(p["phase"], p["approval"]) for p in view["phases"]] == [
        ("plan", "draft"),
        ("plan", "submitted"),
        ("execute", "approved"),
    ]
    assert [r.households_followed for r in view["period_reports"]] == [1]
    kinds = [t for t, _ in outbox(uow) if t.startswith("team_plan")]
    assert kinds == ["team_plan_submitted", "team_plan_approved"]
    assert team_plans.plans_of_team(uow, leader, team.id)[0]["approval"] == "approved"


def approved_plan_after_start(uow, plan, leader, household, approver):
    task = AddTeamTask("เยี่ยมบ้าน", DUE, household)
    plan = team_plans.add_task(uow, leader, plan.id, task, plan.version, NOW)
    plan = team_plans.submit_plan(uow, leader, plan.id, plan.version, NOW)
    return team_plans.decide_plan(uow, approver, plan.id, DecideTeamPlan(True), plan.version, NOW)


def test_lessons_are_read_across_the_province_by_topic_area_and_year_only(uow):
    team, leader, household = team_with_household(uow)
    far_team, far_leader, far_household = team_with_household(uow, "far", "100101")
    plan = approved_plan(uow, team, leader, household, ADMIN)
    far_plan = approved_plan(uow, far_team, far_leader, far_household, ADMIN)
    funding = lesson(uow, leader, plan)
    care = lesson(uow, leader, plan, "care", NOW + timedelta(minutes=1))
    lesson(uow, far_leader, far_plan)
    neighbour = as_caller(register(uow, "vl.other", Role.VOLUNTEER_LEADER, ["24020101"]))

    def ids(who, **query):
        return [x.id for x in team_lessons.list_lessons(uow, who, ListLessons(**query)).items]

    assert ids(neighbour) == [funding.id, care.id]
    assert ids(neighbour, topic="care") == [care.id]
    assert ids(neighbour, area="2401") == [funding.id, care.id]
    assert ids(neighbour, area="2402") == []
    assert ids(neighbour, fiscal_year=2571) == []
    assert ids(neighbour, area="10") == []
    far = team_lessons.list_lessons(uow, far_leader, ListLessons()).items
    assert [x.district_code for x in far] == ["1001"]
    first = team_lessons.list_lessons(uow, neighbour, ListLessons(limit=1))
    rest = team_lessons.list_lessons(uow, neighbour, ListLessons(after=first.next, limit=1))
    assert [x.id for x in first.items + rest.items] == [funding.id, care.id]
    with pytest.raises(NotFound):
        team_plans.plan_view(uow, far_leader, plan.id)
    assert [x.id for x in team_plans.plan_view(uow, leader, plan.id)["lessons"]] == [
        funding.id,
        care.id,
    ]
