"""Support organisations and their action plans against the real database."""

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, ValidationFailed
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
from tests.integration.teams.world import ADMIN, NOW, as_caller, register


def organisation(uow, who=ADMIN, kind="volunteer_club", reporters=()):
    command = RegisterOrganisation(kind, "2401", "ชมรม อช.", tuple(reporters))
    return support_organisations.register_organisation(uow, who, command, NOW)


def test_a_plan_runs_from_preparation_to_summary_with_tasks_and_reports(uow):
    reporter = register(uow, "club.secretary", Role.VOLUNTEER_LEADER, ["24010101"])
    org = organisation(uow, reporters=[reporter.id])
    plan = plans.start_plan(uow, ADMIN, org.id, StartPlan(2027, "Support trainer teams"), NOW)
    advance = AdvancePlan("plan", "members agreed")
    plan = plans.advance_plan(uow, ADMIN, plan.id, advance, 1, NOW)
    task = AddTask("Visit the 21 village trainer teams", date(2027, 3, 31), reporter.id)
    plan = plans.add_task(uow, ADMIN, plan.id, task, plan.version, NOW)
    plan = plans.advance_plan(uow, ADMIN, plan.id, AdvancePlan("execute"), plan.version, NOW)
    report = ReportProgress(date(2027, 2, 1), 60, "13 of 21 visited")
    plan = plans.report_progress(uow, as_caller(reporter), plan.id, plan.tasks[0].id, report, NOW)
    view = plans.plan_view(uow, as_caller(reporter), plan.id)
    assert (
        view["plan"].tasks[0].progress == 60
        and view["reports"][plan.tasks[0].id][0]["percent"] == 60
    )
    assert [p["phase"] for p in view["phases"]] == ["prepare", "plan", "execute"]
    with pytest.raises(Forbidden):
        plans.advance_plan(
            uow, as_caller(reporter), plan.id, AdvancePlan("monitor_evaluate"), None, NOW
        )


def test_one_organisation_of_each_kind_per_district_and_one_plan_per_year(uow):
    org = organisation(uow)
    with pytest.raises(Conflict) as failure:
        organisation(uow)
    assert [e.field for e in failure.value.errors] == ["kind"]
    plans.start_plan(uow, ADMIN, org.id, StartPlan(2027, "Plan"), NOW)
    with pytest.raises(Conflict) as failure:
        plans.start_plan(uow, ADMIN, org.id, StartPlan(2027, "Again"), NOW)
    assert [e.field for e in failure.value.errors] == ["year"]


def test_phases_cannot_be_skipped(uow):
    org = organisation(uow)
    plan = plans.start_plan(uow, ADMIN, org.id, StartPlan(2027, "Plan"), NOW)
    with pytest.raises(Conflict) as failure:
        plans.advance_plan(uow, ADMIN, plan.id, AdvancePlan("execute"), 1, NOW)
    assert failure.value.extra["allowed"] == ["plan"]
    assert plans.plan_view(uow, ADMIN, plan.id)["plan"].phase == "prepare"


def test_supervisors_of_the_district_manage_and_others_do_not_see(uow):
    district = as_caller(register(uow, "district.sup", Role.DISTRICT_SUPERVISOR, ["2401"]))
    elsewhere = as_caller(register(uow, "other.sup", Role.DISTRICT_SUPERVISOR, ["2402"]))
    org = organisation(uow, who=district, kind="savings_group_network")
    with pytest.raises(Forbidden):
        organisation(uow, who=elsewhere)
    with pytest.raises(NotFound):
        support_organisations.get_organisation(uow, elsewhere, org.id)
    listed, _ = support_organisations.list_organisations(uow, elsewhere, ListOrganisations())
    assert listed == []
    with pytest.raises(ValidationFailed) as failure:
        support_organisations.change_organisation(
            uow, district, org.id, ChangeOrganisation("Network", ("nobody",)), 1
        )
    assert [e.field for e in failure.value.errors] == ["reporters.0"]
