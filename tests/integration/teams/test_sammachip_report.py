"""The teams service's Sammachip report against the real database (SQLite and PostgreSQL): what
counts in a fiscal year, per district and sub-district, against targets (the totals' targets the
area's own), and each caller's part of it."""

from datetime import date
from decimal import Decimal

import pytest

from infra.caller import Role
from infra.errors import Forbidden, NotFound
from services.teams.usecases import community_plans, group_progress, targets, trainers
from services.teams.usecases.commands.community_plans import RecordCommunityPlan
from services.teams.usecases.commands.group_progress import RecordOtopProduct, ReportGroup
from services.teams.usecases.commands.reports import ReportQuery
from services.teams.usecases.commands.targets import SetTargets, TargetKey
from services.teams.usecases.commands.trainers import FormTrainerTeam, JoinTrainerTeam
from services.teams.usecases.sammachip_report import sammachip_report
from tests.integration.teams.programme_world import (
    FIRST_MOMENT_OF_2570,
    IN_2569,
    IN_2570,
    group,
    train,
    trainer_team,
)
from tests.integration.teams.world import ADMIN, as_caller, register

A, B, C = "94010101", "94010201", "94020101"  # two villages of Mueang Pattani, one of Khok Pho
SEED_000 = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group": 62,
    "subdistrict_plans_used": 73,
}


def monthly(uow, group_id, period, income):
    command = ReportGroup(date.fromisoformat(f"{period}-01"), True, Decimal(income))
    group_progress.report(uow, ADMIN, group_id, command, IN_2570)


def plan(uow, tambon, year, livelihood):
    command = RecordCommunityPlan(tambon, year, livelihood, False)
    community_plans.record_plan(uow, ADMIN, command, IN_2570)


@pytest.fixture
def pattani(uow):
    """Village A trains four in 2570 and forms two groups; B's team, formed in 2569, trains two
    at the first moment of 2570 (Bangkok); C trained and formed its group in 2569."""
    trained = train(uow, trainer_team(uow, A), 4, absent=1)
    first = group(uow, A, trained[:2], registered_on=date(2026, 12, 1))
    second = group(uow, A, trained[2:], registered_on=date(2026, 9, 15))
    product = RecordOtopProduct("ตะกร้า", "household_and_souvenir", 3)
    group_progress.record_product(uow, ADMIN, first.id, product, None, IN_2570)
    monthly(uow, first.id, "2026-10", "100")
    monthly(uow, first.id, "2026-11", "0")  # the latest report of the year: no income
    monthly(uow, second.id, "2026-11", "250.75")
    train(uow, trainer_team(uow, B, IN_2569), 2, at=FIRST_MOMENT_OF_2570)
    group(uow, C, train(uow, trainer_team(uow, C, IN_2569), 3, at=IN_2569), at=IN_2569)
    sage = register(uow, "lonely.sage", Role.TRAINER, ["94030101"])
    forming = FormTrainerTeam("94030101", "Forming", (JoinTrainerTeam(sage.id),))
    trainers.form_trainer_team(uow, ADMIN, forming, IN_2570)
    plan(uow, "940101", 2570, True)
    plan(uow, "940102", 2570, False)
    plan(uow, "940201", 2570, True)
    plan(uow, "940101", 2569, True)
    province, district = TargetKey("94", 2570), TargetKey("9401", 2570)
    targets.set_targets(uow, ADMIN, province, SetTargets(SEED_000), None, IN_2570)
    district_values = SetTargets({"households_trained": 200})
    targets.set_targets(uow, ADMIN, district, district_values, None, IN_2570)
    return uow


def achieved(row):
    return {k.removesuffix("_achieved"): v for k, v in row.items() if k.endswith("_achieved")}


NOTHING = dict.fromkeys(
    [
        "villages_with_trainer_team",
        "households_trained",
        "occupation_groups_formed",
        "villages_with_registered_group",
        "groups_with_otop_product",
        "subdistrict_plans_used",
        "groups_operating_with_income",
    ],
    0,
)
MUEANG_2570 = {
    "villages_with_trainer_team": 2,
    "households_trained": 6,
    "occupation_groups_formed": 2,
    "villages_with_registered_group": 1,
    "groups_with_otop_product": 1,
    "subdistrict_plans_used": 1,
    "groups_operating_with_income": 1,
}


def test_the_province_has_a_row_per_district_counting_what_happened_in_the_year(pattani):
    table = sammachip_report(pattani, ADMIN, ReportQuery("94", 2570))
    rows = {row["key"]: row for row in table["rows"]}
    assert len(rows) == 12
    assert achieved(rows["9401"]) == MUEANG_2570
    assert achieved(rows["9402"]) == {**NOTHING, "subdistrict_plans_used": 1}
    assert achieved(rows["9403"]) == NOTHING  # a forming trainer team is not counted
    assert rows["9401"]["households_trained_target"] == 200
    assert rows["9401"]["villages_with_trainer_team_target"] is None
    assert table["totals"]["villages_with_trainer_team_target"] == 123
    assert table["totals"]["villages_with_registered_group_target"] == 62


def test_the_year_before_counts_its_own_trainings_groups_and_registrations(pattani):
    table = sammachip_report(pattani, ADMIN, ReportQuery("94", 2569))
    rows = {row["key"]: achieved(row) for row in table["rows"]}
    assert rows["9402"] == {
        **NOTHING,
        "villages_with_trainer_team": 1,
        "households_trained": 3,
        "occupation_groups_formed": 1,
    }
    assert rows["9401"] == {
        **NOTHING,
        "villages_with_trainer_team": 1,  # B's team, formed ready in 2569
        "villages_with_registered_group": 1,  # A's second group, registered in September 2026
        "subdistrict_plans_used": 1,
    }
    assert table["totals"]["households_trained_target"] is None


def test_a_district_has_a_row_per_sub_district_and_its_own_target_for_the_totals(pattani):
    table = sammachip_report(pattani, ADMIN, ReportQuery("9401", 2570))
    rows = {row["key"]: row for row in table["rows"]}
    assert len(rows) == 13
    assert achieved(rows["940101"]) == {
        **MUEANG_2570,
        "villages_with_trainer_team": 1,
        "households_trained": 4,
    }
    assert achieved(rows["940102"]) == {
        **NOTHING,
        "villages_with_trainer_team": 1,
        "households_trained": 2,
    }
    assert table["totals"]["households_trained_target"] == 200
    assert all(row["households_trained_target"] is None for row in rows.values())


def test_a_coordinator_asking_for_the_province_gets_their_part_without_targets(pattani):
    coordinator = as_caller(register(pattani, "anoru.co", Role.SUBDISTRICT_COORDINATOR, ["940102"]))
    table = sammachip_report(pattani, coordinator, ReportQuery("94", 2570))
    assert [row["key"] for row in table["rows"]] == ["9401"]
    assert achieved(table["rows"][0]) == {
        **NOTHING,
        "villages_with_trainer_team": 1,
        "households_trained": 2,
    }
    assert table["rows"][0]["households_trained_target"] is None
    assert set(table["totals"].values()) == {None}


def test_a_district_supervisor_sees_their_district_and_nobody_sees_beyond_their_reach(pattani):
    district = as_caller(register(pattani, "khokpho", Role.DISTRICT_SUPERVISOR, ["9402"]))
    table = sammachip_report(pattani, district, ReportQuery("94", 2570))
    assert [(row["key"], row["subdistrict_plans_used_achieved"]) for row in table["rows"]] == [
        ("9402", 1)
    ]
    with pytest.raises(NotFound):
        sammachip_report(pattani, district, ReportQuery("9401", 2570))
    stranger = as_caller(register(pattani, "chonburi", Role.PROVINCIAL_SUPERVISOR, ["20"]))
    with pytest.raises(NotFound):
        sammachip_report(pattani, stranger, ReportQuery("94", 2570))
    leader = as_caller(register(pattani, "leader", Role.VOLUNTEER_LEADER, [A]))
    with pytest.raises(Forbidden):
        sammachip_report(pattani, leader, ReportQuery("94", 2570))
