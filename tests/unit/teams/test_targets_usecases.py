"""Sammachip targets and sub-district community plan use cases with the fake unit of work: who
sets and reads them, replacing with the version, the events, lists. No database."""

from __future__ import annotations

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import community_plans, targets
from services.teams.usecases.commands.community_plans import (
    ChangeCommunityPlan,
    ListCommunityPlans,
    RecordCommunityPlan,
)
from services.teams.usecases.commands.targets import SetTargets, TargetKey
from tests.unit.teams.factories import NOW, caller
from tests.unit.teams.fakes import FakeUnitOfWork

PATTANI = TargetKey("94", 2570)
PROVINCE = caller(Role.PROVINCIAL_SUPERVISOR, ["94"], pid="province")
DISTRICT = caller(Role.DISTRICT_SUPERVISOR, ["9401"], pid="district")
STRANGER = caller(Role.PROVINCIAL_SUPERVISOR, ["20"], pid="stranger")
SEED = SetTargets({"villages_with_trainer_team": 10, "villages_with_registered_group_percent": 50})
PLAN = RecordCommunityPlan("940101", 2570, True, False)


def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def test_the_province_sets_targets_once_and_replaces_them_with_their_version():
    work = uow()
    found, created = targets.set_targets(work, PROVINCE, PATTANI, SEED, None, NOW)
    assert created and found.values["villages_with_registered_group"] == 5
    with pytest.raises(Conflict) as failure:
        targets.set_targets(work, PROVINCE, PATTANI, SEED, None, NOW)
    assert [e.field for e in failure.value.errors] == ["If-Match"]
    with pytest.raises(PreconditionFailed):
        targets.set_targets(work, PROVINCE, PATTANI, SEED, 2, NOW)
    changed, created = targets.set_targets(
        work, PROVINCE, PATTANI, SetTargets({"households_trained": 7}), 1, NOW
    )
    assert not created and changed.version == 2
    assert (
        targets.get_targets(work, DISTRICT, TargetKey("94", 2570)).values["households_trained"] == 7
    )
    events = [d for t, d in work.published if t == "sammachip_targets_set"]
    assert [e["version"] for e in events] == [1, 2]


def test_targets_are_refused_to_districts_hidden_from_strangers_and_checked():
    work = uow()
    with pytest.raises(Forbidden):
        targets.set_targets(work, DISTRICT, TargetKey("9401", 2570), SEED, None, NOW)
    with pytest.raises(NotFound):
        targets.set_targets(work, STRANGER, PATTANI, SEED, None, NOW)
    with pytest.raises(ValidationFailed):
        targets.set_targets(
            work, PROVINCE, PATTANI, SetTargets({"households_trained": -1}), None, NOW
        )
    with pytest.raises(NotFound):
        targets.get_targets(work, PROVINCE, PATTANI)
    assert work.published == []


def test_a_sub_district_has_one_plan_a_year_changed_with_its_version():
    work = uow()
    plan = community_plans.record_plan(work, DISTRICT, PLAN, NOW)
    with pytest.raises(Conflict) as failure:
        community_plans.record_plan(work, DISTRICT, PLAN, NOW)
    assert [e.field for e in failure.value.errors] == ["tambon_code"]
    adopted = ChangeCommunityPlan(adopted_by_local_government=True)
    with pytest.raises(PreconditionFailed):
        community_plans.change_plan(work, DISTRICT, plan.id, adopted, 2, NOW)
    changed = community_plans.change_plan(work, DISTRICT, plan.id, adopted, 1, NOW)
    assert changed.adopted_by_local_government and changed.livelihood_development
    assert (changed.note, changed.version) == ("", 2)
    events = [d for t, d in work.published if t == "community_plan_recorded"]
    assert [e["version"] for e in events] == [1, 2]


def test_plans_are_recorded_by_supervisors_over_the_tambon_and_listed_within_reach():
    work = uow()
    coordinator = caller(Role.SUBDISTRICT_COORDINATOR, ["940101"], pid="coordinator")
    with pytest.raises(Forbidden):
        community_plans.record_plan(work, coordinator, PLAN, NOW)
    with pytest.raises(NotFound):
        community_plans.record_plan(work, STRANGER, PLAN, NOW)
    plan = community_plans.record_plan(work, DISTRICT, PLAN, NOW)
    query = ListCommunityPlans(area="94010101", fiscal_year=2570)
    assert community_plans.list_plans(work, coordinator, query).items == [plan]
    reach, where, _, _ = work.community_plans.asked
    assert (reach.areas, where.area, where.fiscal_year) == (("940101",), "94010101", 2570)
