"""The households' part of the cases report: SQL aggregates per child area, each caller's reach,
the same counts as the list, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from infra.caller import Role
from infra.config import database_url
from infra.engines import make_engine
from infra.errors import NotFound, ValidationFailed
from services.households.db.tables import transitions
from services.households.service import HouseholdsService
from tests.integration.helpers import publish_event
from tests.integration.households.support import (
    ADMIN,
    COORDINATOR,
    LEADER,
    SUPERVISOR,
    TEAM,
    call,
    caller,
    case_in_manage,
    event,
    household,
)
from tests.support.waiting import wait_for

PROVINCIAL = caller(Role.PROVINCIAL_SUPERVISOR, areas=("24",))
OTHER_DISTRICT = caller(Role.DISTRICT_SUPERVISOR, areas=("2402",))


def graduate(config, household_id, when):
    """A graduation in the case history (the rule itself is tested in test_case_walk)."""
    engine = make_engine(database_url(config, "households"))
    with engine.begin() as connection:
        row = {"household_id": household_id, "from_stage": "care", "to_stage": "graduated"}
        connection.execute(
            insert(transitions).values(**row, changed_by="t", reason="t", changed_at=when)
        )
    engine.dispose()


def listed(config, who, **query):
    return len(call(config, "list_households", who, {"limit": 200, **query})["items"])


def report(config, who, area, year=2570):
    answer = call(config, "cases_report", who, {"area": area, "fiscal_year": year})
    return {row["key"]: row for row in answer["rows"]}


def test_counts_per_child_area_match_the_lists(migrated, start_service):
    start_service(HouseholdsService, migrated)
    managed = case_in_manage(migrated, 1)
    for seed in range(2, 5):
        call(migrated, "register_household", COORDINATOR, household(seed, income="90000.00"))
    other = caller(Role.SUBDISTRICT_COORDINATOR, areas=("240201",))
    call(migrated, "register_household", other, household(9, village_code="24020101"))
    graduate(migrated, managed, datetime(2026, 11, 1, tzinfo=UTC))  # in fiscal year 2570
    graduate(migrated, managed, datetime(2025, 1, 1, tzinfo=UTC))  # before it

    rows = report(migrated, PROVINCIAL, "24")
    assert set(rows) == {"2401", "2402"}
    mueang = rows["2401"]
    assert mueang["registered"] == 4 == listed(migrated, PROVINCIAL, area="2401")
    for stage in ("registered", "target", "manage"):
        found = listed(migrated, PROVINCIAL, area="2401", stage=stage)
        assert mueang.get(f"stage_{stage}", 0) == found
    assert mueang["stage_manage"] == 1 and mueang["consented"] == 1 and mueang["targeted"] == 1
    assert mueang["without_team"] == 1 and "plans_waiting" not in mueang
    assert (mueang["graduated_ever"], mueang["graduated_in_year"]) == (1, 1)
    assert report(migrated, PROVINCIAL, "24", 2569)["2401"]["graduated_in_year"] == 0
    assert rows["2402"]["registered"] == 1
    tambons = report(migrated, ADMIN, "2401")
    assert set(tambons) == {"240101"} and tambons["240101"]["registered"] == 4
    assert set(report(migrated, ADMIN, "240101")) == {"24010101"}


def test_each_caller_counts_only_their_reach(migrated, start_service):
    start_service(HouseholdsService, migrated)
    call(migrated, "register_household", COORDINATOR, household(11))
    other = caller(Role.SUBDISTRICT_COORDINATOR, areas=("240201",))
    call(migrated, "register_household", other, household(12, village_code="24020101"))
    assert set(report(migrated, SUPERVISOR, "24")) == {"2401"}  # their district of the province
    assert set(report(migrated, OTHER_DISTRICT, "24")) == {"2402"}
    with pytest.raises(NotFound):
        report(migrated, SUPERVISOR, "2402")


def assign(amqp_uri, household_id, village_code):
    assigned = {"team_id": TEAM, "village_code": village_code}
    when = {"assigned_at": "2026-11-21T03:00:00+00:00"}
    data = {"household_id": household_id, **assigned, **when}
    publish_event(amqp_uri, event("teams", "household_assigned", **data))


def team_report(config, who, team=TEAM):
    answer = call(config, "team_cases_report", who, {"team": team, "fiscal_year": 2570})
    return {row["key"]: row for row in answer["rows"]}


def test_a_teams_households_a_row_per_village_as_each_caller_lists_them(
    migrated, start_service, amqp_uri
):
    start_service(HouseholdsService, migrated)
    other = caller(Role.SUBDISTRICT_COORDINATOR, areas=("240201",))
    ours = [call(migrated, "register_household", COORDINATOR, household(s))["id"] for s in (21, 22)]
    far = call(migrated, "register_household", other, household(23, village_code="24020101"))["id"]
    call(migrated, "register_household", COORDINATOR, household(24))  # no team
    for household_id, village in ((ours[0], "24010101"), (ours[1], "24010101"), (far, "24020101")):
        assign(amqp_uri, household_id, village)
    wait_for(lambda: listed(migrated, ADMIN, team_id=TEAM) == 3, what="the assignments")
    for who, villages in ((ADMIN, {"24010101": 2, "24020101": 1}), (LEADER, {"24010101": 2,
                          "24020101": 1}), (SUPERVISOR, {"24010101": 2})):  # fmt: skip
        rows = team_report(migrated, who)
        assert {key: row["registered"] for key, row in rows.items()} == villages
        assert sum(villages.values()) == listed(migrated, who, team_id=TEAM)
        assert all(row.get("without_team", 0) == 0 for row in rows.values())
    assert team_report(migrated, ADMIN, "no-such-team") == {}
    assert team_report(migrated, caller(Role.VOLUNTEER_LEADER, areas=(), teams=("t2",))) == {}


@pytest.mark.parametrize(
    "query, field",
    [({"fiscal_year": 2570}, "team"), ({"team": "", "fiscal_year": 2570}, "team"),
     ({"team": TEAM, "fiscal_year": 2559}, "fiscal_year")],
)  # fmt: skip
def test_a_bad_team_query_names_the_field(migrated, start_service, query, field):
    start_service(HouseholdsService, migrated)
    with pytest.raises(ValidationFailed) as refused:
        call(migrated, "team_cases_report", ADMIN, query)
    assert [e.field for e in refused.value.errors] == [field]


@pytest.mark.parametrize(
    "query, field",
    [
        ({"area": "99", "fiscal_year": 2570}, "area"),
        ({"area": "24x", "fiscal_year": 2570}, "area"),
        ({"area": "24", "fiscal_year": 2559}, "fiscal_year"),
        ({"area": "24", "fiscal_year": 2600}, "fiscal_year"),
        ({"fiscal_year": 2570}, "area"),
    ],
)
def test_bad_queries_name_the_field(migrated, start_service, query, field):
    start_service(HouseholdsService, migrated)
    with pytest.raises(ValidationFailed) as refused:
        call(migrated, "cases_report", ADMIN, query)
    assert [e.field for e in refused.value.errors] == [field]
