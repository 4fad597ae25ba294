"""Support organisation and action plan use cases with the fake unit of work: registering,
changing, lists, plans through their phases with tasks and progress reports. No database."""

from __future__ import annotations

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import plans, support_organisations
from services.teams.usecases.commands.support_organisations import (
    AddTask,
    AdvancePlan,
    ChangeOrganisation,
    ListOrganisations,
    RegisterOrganisation,
    ReportProgress,
    StartPlan,
)
from tests.unit.teams.factories import NOW, caller, person
from tests.unit.teams.fakes import FakeUnitOfWork

SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="supervisor")
REPORTER = person(Role.VOLUNTEER_LEADER, ["24010101"], pid="reporter")
CLUB = RegisterOrganisation("volunteer_club", "2401", "ชมรม อช.", ("reporter",))


def registered(uow: FakeUnitOfWork):
    return support_organisations.register_organisation(uow, SUPERVISOR, CLUB, NOW)


def test_one_organisation_of_each_kind_per_district_with_active_reporters():
    uow = FakeUnitOfWork().given(REPORTER)
    org = registered(uow)
    assert uow.organisations.get(org.id).reporters == ("reporter",)
    with pytest.raises(Conflict) as failure:
        registered(uow)
    assert [e.field for e in failure.value.errors] == ["kind"]
    with pytest.raises(ValidationFailed) as failure:
        support_organisations.change_organisation(
            uow, SUPERVISOR, org.id, ChangeOrganisation("Club", ("reporter", "nobody")), 1
        )
    assert [e.field for e in failure.value.errors] == ["reporters.1"]
    changed = support_organisations.change_organisation(
        uow, SUPERVISOR, org.id, ChangeOrganisation(" Club "), 1
    )
    assert (changed.name, changed.reporters, changed.version) == ("Club", (), 2)


def test_only_supervisors_over_the_district_register_and_others_do_not_see():
    uow = FakeUnitOfWork().given(REPORTER)
    elsewhere = caller(Role.DISTRICT_SUPERVISOR, ["2402"])
    with pytest.raises(Forbidden):
        support_organisations.register_organisation(uow, elsewhere, CLUB, NOW)
    org = registered(uow)
    with pytest.raises(NotFound):
        support_organisations.get_organisation(uow, elsewhere, org.id)
    found = support_organisations.list_organisations(uow, elsewhere, ListOrganisations(kind="x"))
    assert found.items == [org]  # the fake answers every row: the filter is the repository's
    reach, where, _, limit = uow.organisations.asked
    assert (reach.areas, where.kind, where.area, limit) == (("2402",), "x", None, 50)


def test_a_plan_runs_through_its_phases_with_tasks_and_reports():
    uow = FakeUnitOfWork().given(REPORTER)
    org = registered(uow)
    plan = plans.start_plan(uow, SUPERVISOR, org.id, StartPlan(2027, " Visit teams "), NOW)
    with pytest.raises(Conflict):
        plans.start_plan(uow, SUPERVISOR, org.id, StartPlan(2027, "Again"), NOW)
    with pytest.raises(Conflict):
        plans.advance_plan(uow, SUPERVISOR, plan.id, AdvancePlan("execute"), 1, NOW)
    plan = plans.advance_plan(uow, SUPERVISOR, plan.id, AdvancePlan("plan", "agreed"), 1, NOW)
    task = AddTask("Visit the 21 teams", date(2027, 3, 31), "reporter")
    with pytest.raises(ValidationFailed):
        plans.add_task(uow, SUPERVISOR, plan.id, AddTask("x", date(2027, 3, 31), "nobody"), 2, NOW)
    with pytest.raises(PreconditionFailed):
        plans.add_task(uow, SUPERVISOR, plan.id, task, 1, NOW)
    plan = plans.add_task(uow, SUPERVISOR, plan.id, task, 2, NOW)
    plan = plans.advance_plan(uow, SUPERVISOR, plan.id, AdvancePlan("execute"), 3, NOW)
    reporter = REPORTER.as_caller()
    report = ReportProgress(date(2027, 2, 1), 60, "13 of 21")
    plan = plans.report_progress(uow, reporter, plan.id, plan.tasks[0].id, report, NOW)
    view = plans.plan_view(uow, reporter, plan.id)
    assert view["plan"].tasks[0].progress == 60 and view["plan"].title == "Visit teams"
    (reported,) = view["reports"][plan.tasks[0].id]
    assert (reported["percent"], reported["note"], reported["reported_by"]) == (
        60,
        "13 of 21",
        "reporter",
    )
    assert [p["phase"] for p in view["phases"]] == ["prepare", "plan", "execute"]
    with pytest.raises(Forbidden):
        plans.advance_plan(uow, reporter, plan.id, AdvancePlan("monitor_evaluate"), None, NOW)
