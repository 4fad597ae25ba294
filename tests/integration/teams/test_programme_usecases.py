"""Sammachip programme records against the real database (SQLite and PostgreSQL): targets,
sub-district plans, OTOP products and monthly group reports; who may write them; the events."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import community_plans, group_progress, history, targets
from services.teams.usecases.commands.community_plans import (
    ChangeCommunityPlan,
    ListCommunityPlans,
    RecordCommunityPlan,
)
from services.teams.usecases.commands.group_progress import (
    ListGroupReports,
    RecordOtopProduct,
    ReportGroup,
)
from services.teams.usecases.commands.targets import SetTargets, TargetKey
from tests.integration.teams.programme_world import IN_2570, group, train, trainer_team
from tests.integration.teams.world import ADMIN, as_caller, count, outbox, register

PATTANI = TargetKey("94", 2570)
SEED_000 = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group_percent": 50,
    "subdistrict_plans_used": 73,
}
VILLAGE = "94010101"


def person(uow, name, role, area):
    return as_caller(register(uow, name, role, [area]))


def plan_command(tambon="940101", fiscal_year=2570):
    return RecordCommunityPlan(tambon, fiscal_year, True, False)


def test_the_provincial_supervisor_sets_pattanis_targets_and_replaces_them_with_the_version(uow):
    province = person(uow, "province", Role.PROVINCIAL_SUPERVISOR, "94")
    found, created = targets.set_targets(
        uow, province, PATTANI, SetTargets(SEED_000), None, IN_2570
    )
    assert created and found.values["villages_with_registered_group"] == 62
    with pytest.raises(Conflict) as failure:
        targets.set_targets(uow, province, PATTANI, SetTargets(SEED_000), None, IN_2570)
    assert [e.field for e in failure.value.errors] == ["If-Match"]
    with pytest.raises(PreconditionFailed):
        targets.set_targets(uow, province, PATTANI, SetTargets(SEED_000), 7, IN_2570)
    changed, created = targets.set_targets(
        uow, province, PATTANI, SetTargets({**SEED_000, "households_trained": 2500}), 1, IN_2570
    )
    assert not created and changed.version == 2
    assert targets.get_targets(uow, province, PATTANI).values["households_trained"] == 2500
    events = [d for t, d in outbox(uow) if t == "sammachip_targets_set"]
    assert [e["version"] for e in events] == [1, 2]
    assert events[0]["targets"]["villages_with_registered_group"] == 62


def test_targets_are_set_by_the_province_a_district_supervisor_reads_and_others_never_see(uow):
    province = person(uow, "province", Role.PROVINCIAL_SUPERVISOR, "94")
    district = person(uow, "district", Role.DISTRICT_SUPERVISOR, "9401")
    stranger = person(uow, "stranger", Role.PROVINCIAL_SUPERVISOR, "20")
    own_district = TargetKey("9401", 2570)
    targets.set_targets(
        uow, province, own_district, SetTargets({"households_trained": 200}), None, IN_2570
    )
    with pytest.raises(Forbidden):
        targets.set_targets(
            uow, district, own_district, SetTargets({"households_trained": 1}), 1, IN_2570
        )
    with pytest.raises(NotFound):
        targets.set_targets(uow, stranger, PATTANI, SetTargets(SEED_000), None, IN_2570)
    assert targets.get_targets(uow, district, own_district).values["households_trained"] == 200
    with pytest.raises(NotFound):
        targets.get_targets(uow, stranger, own_district)
    assert count(uow, "sammachip_targets") == 1
    assert targets.get_targets(uow, ADMIN, own_district).version == 1


def test_targets_with_negative_numbers_change_nothing(uow):
    with pytest.raises(ValidationFailed) as failure:
        targets.set_targets(
            uow, ADMIN, PATTANI, SetTargets({"households_trained": -20}), None, IN_2570
        )
    assert [e.field for e in failure.value.errors] == ["households_trained"]
    assert count(uow, "sammachip_targets") == 0 and outbox(uow) == []


def test_a_sub_district_has_one_plan_a_year_changed_with_its_version(uow):
    district = person(uow, "district", Role.DISTRICT_SUPERVISOR, "9401")
    plan = community_plans.record_plan(uow, district, plan_command(), IN_2570)
    with pytest.raises(Conflict) as failure:
        community_plans.record_plan(uow, district, plan_command(), IN_2570)
    assert [e.field for e in failure.value.errors] == ["tambon_code"]
    next_year = community_plans.record_plan(uow, district, plan_command(fiscal_year=2571), IN_2570)
    assert next_year.id != plan.id
    adopted = ChangeCommunityPlan(adopted_by_local_government=True)
    with pytest.raises(PreconditionFailed):
        community_plans.change_plan(uow, district, plan.id, adopted, 5, IN_2570)
    changed = community_plans.change_plan(uow, district, plan.id, adopted, 1, IN_2570)
    assert changed.adopted_by_local_government and changed.livelihood_development
    assert changed.version == 2
    events = [d for t, d in outbox(uow) if t == "community_plan_recorded"]
    assert [(e["fiscal_year"], e["version"]) for e in events] == [(2570, 1), (2571, 1), (2570, 2)]


def test_plans_are_recorded_by_supervisors_over_the_tambon_and_listed_within_reach(uow):
    district = person(uow, "district", Role.DISTRICT_SUPERVISOR, "9401")
    coordinator = person(uow, "coordinator", Role.SUBDISTRICT_COORDINATOR, "940101")
    neighbour = person(uow, "neighbour", Role.DISTRICT_SUPERVISOR, "9402")
    with pytest.raises(Forbidden):
        community_plans.record_plan(uow, coordinator, plan_command(), IN_2570)
    with pytest.raises(NotFound):
        community_plans.record_plan(uow, neighbour, plan_command(), IN_2570)
    mine = community_plans.record_plan(uow, district, plan_command(), IN_2570)
    community_plans.record_plan(uow, ADMIN, plan_command("940201"), IN_2570)
    query = ListCommunityPlans(fiscal_year=2570)
    items, _ = community_plans.list_plans(uow, coordinator, query)
    assert [p.id for p in items] == [mine.id]
    assert [p.tambon_code for p in community_plans.list_plans(uow, neighbour, query)[0]] == [
        "940201"
    ]
    with pytest.raises(NotFound):
        community_plans.get_plan(uow, neighbour, mine.id)


def test_a_group_records_its_otop_product_with_the_groups_version(uow):
    team = trainer_team(uow, VILLAGE)
    formed = group(uow, VILLAGE, train(uow, team, 2))
    product = RecordOtopProduct("ผ้าบาติก", "textile_and_garment")
    with pytest.raises(PreconditionFailed):
        group_progress.record_product(uow, ADMIN, formed.id, product, 9, IN_2570)
    recorded = group_progress.record_product(uow, ADMIN, formed.id, product, 1, IN_2570)
    assert recorded.version == 2 and recorded.otop_product.stars is None
    rated = group_progress.record_product(
        uow, ADMIN, formed.id, replace(product, stars=4), 2, IN_2570
    )
    assert rated.otop_product.stars == 4
    coordinator = person(uow, "coordinator", Role.SUBDISTRICT_COORDINATOR, "940101")
    with pytest.raises(Forbidden):
        group_progress.record_product(uow, coordinator, formed.id, product, 3, IN_2570)
    events = [d for t, d in outbox(uow) if t == "otop_product_recorded"]
    assert [e["stars"] for e in events] == [None, 4] and events[0]["village_code"] == VILLAGE


def test_a_month_is_reported_once_and_replaced_with_its_version(uow):
    team = trainer_team(uow, VILLAGE)
    formed = group(uow, VILLAGE, train(uow, team, 2))
    coordinator = person(uow, "coordinator", Role.SUBDISTRICT_COORDINATOR, "940101")
    monthly = ReportGroup(date(2026, 11, 1), True, Decimal("4500.50"))
    made = group_progress.report(uow, coordinator, formed.id, monthly, IN_2570)
    assert made.period == date(2026, 11, 1) and made.income == Decimal("4500.50")
    with pytest.raises(Conflict) as failure:
        group_progress.report(uow, coordinator, formed.id, monthly, IN_2570)
    assert [e.field for e in failure.value.errors] == ["period"]
    stopped = replace(monthly, operating=False, income_thb=Decimal("0"))
    with pytest.raises(PreconditionFailed):
        group_progress.replace_report(uow, coordinator, formed.id, stopped, 4, IN_2570)
    replaced = group_progress.replace_report(uow, coordinator, formed.id, stopped, 1, IN_2570)
    assert replaced.version == 2 and not replaced.operating
    items, _ = group_progress.list_reports(uow, ADMIN, formed.id, ListGroupReports())
    assert [(r.period, r.income) for r in items] == [(date(2026, 11, 1), Decimal("0.00"))]
    events = [d for t, d in outbox(uow) if t == "occupation_group_reported"]
    assert [(e["income_thb"], e["version"]) for e in events] == [("4500.50", 1), ("0.00", 2)]
    trail = history.group_report_history(uow, ADMIN, formed.id, date(2026, 11, 1), None, 50)
    assert [e.action for e in trail.items] == ["report_replaced", "reported"]
    outsider = person(uow, "outsider", Role.SUBDISTRICT_COORDINATOR, "100101")
    with pytest.raises(NotFound):
        history.group_report_history(uow, outsider, formed.id, date(2026, 11, 1), None, 50)


def test_a_report_for_a_month_to_come_or_by_someone_outside_changes_nothing(uow):
    team = trainer_team(uow, VILLAGE)
    formed = group(uow, VILLAGE, train(uow, team, 1))
    ahead = ReportGroup(date(2026, 12, 1), True, Decimal("10"))
    with pytest.raises(ValidationFailed) as failure:
        group_progress.report(uow, ADMIN, formed.id, ahead, datetime(2026, 11, 30, tzinfo=UTC))
    assert [e.field for e in failure.value.errors] == ["period"]
    neighbour = person(uow, "neighbour", Role.DISTRICT_SUPERVISOR, "9402")
    with pytest.raises(NotFound):
        group_progress.report(
            uow, neighbour, formed.id, replace(ahead, period=date(2026, 11, 1)), IN_2570
        )
    assert count(uow, "group_reports") == 0
