"""The Sammachip programme RPCs of the teams service in a real nameko container: real RabbitMQ,
SQLite and PostgreSQL. Targets and plans set over RPC, the Sammachip report read back, bad input
refused with the field named and nothing changed, and the events published true to their
contracts."""

import pytest
from nameko.exceptions import RemoteError

from infra.caller import SYSTEM
from services.teams.events import PUBLISHED
from services.teams.service import TeamsService
from tests.integration.helpers import drain, rpc, tap
from tests.support.databases import upgrade
from tests.support.waiting import wait_for

ADMIN = SYSTEM.to_dict()
CONTRACTS = {c.event_type: c for c in PUBLISHED}
PATTANI_2570 = {"area_code": "94", "fiscal_year": 2570}
SEED_000 = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group_percent": 50,
    "subdistrict_plans_used": 73,
}
PLAN = {
    "tambon_code": "940101",
    "fiscal_year": 2570,
    "livelihood_development": True,
    "adopted_by_local_government": True,
}


@pytest.fixture
def teams(config, start_service):
    upgrade(config, ["teams"])
    start_service(TeamsService, config)
    return config


def call(config, method, *args):
    return rpc(config, "teams", method, *args)


def refused(config, method, *args):
    with pytest.raises(RemoteError) as failure:
        call(config, method, *args)
    return failure.value


def caller(config, username, role, area):
    payload = {"username": username, "display_name": username, "roles": [role], "areas": [area]}
    person = call(config, "register_person", ADMIN, payload)
    return {
        **ADMIN,
        "person_id": person["id"],
        "username": username,
        "roles": [role],
        "areas": [area],
    }


def test_targets_and_plans_set_over_rpc_come_back_in_the_table(teams, amqp_uri):
    events = tap(amqp_uri, "teams")
    answer = call(teams, "set_sammachip_targets", ADMIN, PATTANI_2570, SEED_000)
    assert answer["created"] and answer["targets"]["villages_with_registered_group"] == 62
    plan = call(teams, "record_community_plan", ADMIN, PLAN)
    table = call(teams, "sammachip_report", ADMIN, {"area": "94", "fiscal_year": "2570"})
    assert len(table["rows"]) == 12
    mueang = next(row for row in table["rows"] if row["key"] == "9401")
    assert mueang["subdistrict_plans_used_achieved"] == 1
    assert mueang["households_trained_achieved"] == 0
    assert table["totals"]["households_trained_target"] == 2460
    published = wait_for(lambda: drain(amqp_uri, events))
    assert [e["event_type"] for e in published] == [
        "sammachip_targets_set",
        "community_plan_recorded",
    ]
    for envelope in published:
        assert CONTRACTS[envelope["event_type"]].schema().validate(envelope["data"]) == {}
    assert published[1]["data"]["plan_id"] == plan["id"]


def test_the_table_is_the_callers_part_and_an_area_beyond_reach_is_not_found(teams):
    call(teams, "record_community_plan", ADMIN, PLAN)
    call(teams, "record_community_plan", ADMIN, {**PLAN, "tambon_code": "940201"})
    khok_pho = caller(teams, "khokpho.supervisor", "district_supervisor", "9402")
    table = call(teams, "sammachip_report", khok_pho, {"area": "94", "fiscal_year": 2570})
    assert [(r["key"], r["subdistrict_plans_used_achieved"]) for r in table["rows"]] == [
        ("9402", 1)
    ]
    assert table["totals"]["households_trained_target"] is None
    failure = refused(teams, "sammachip_report", khok_pho, {"area": "9401", "fiscal_year": 2570})
    assert failure.exc_type == "NotFound"


@pytest.mark.parametrize(
    "key, payload, field",
    [
        (PATTANI_2570, {"households_trained": -1}, "households_trained"),
        ({"area_code": "94", "fiscal_year": 2026}, SEED_000, "fiscal_year"),
        ({"area_code": "94", "fiscal_year": 2600}, SEED_000, "fiscal_year"),
        ({"area_code": "99", "fiscal_year": 2570}, SEED_000, "area_code"),
        ({"area_code": "940101", "fiscal_year": 2570}, SEED_000, "area_code"),
        (
            PATTANI_2570,
            {"villages_with_registered_group_percent": 150},
            "villages_with_registered_group_percent",
        ),
    ],
)
def test_bad_targets_name_the_field_and_change_nothing(teams, key, payload, field):
    call(teams, "set_sammachip_targets", ADMIN, PATTANI_2570, SEED_000)
    failure = refused(teams, "set_sammachip_targets", ADMIN, key, payload, 1)
    assert failure.exc_type == "ValidationFailed" and f'"{field}"' in failure.value
    assert call(teams, "get_sammachip_targets", ADMIN, PATTANI_2570)["version"] == 1


def test_a_plan_for_a_tambon_that_does_not_exist_or_a_bad_year_is_refused(teams):
    for changes, field in [
        ({"tambon_code": "949999"}, "tambon_code"),
        ({"tambon_code": "9401"}, "tambon_code"),
        ({"fiscal_year": 2700}, "fiscal_year"),
        ({"livelihood_development": "maybe"}, "livelihood_development"),
    ]:
        failure = refused(teams, "record_community_plan", ADMIN, {**PLAN, **changes})
        assert failure.exc_type == "ValidationFailed" and f'"{field}"' in failure.value
    assert call(teams, "list_community_plans", ADMIN, {})["items"] == []


def test_the_report_is_kept_for_provinces_and_districts_only(teams):
    for query, field in [
        ({"area": "940101", "fiscal_year": 2570}, "area"),
        ({"area": "94010101", "fiscal_year": 2570}, "area"),
        ({"area": "94", "fiscal_year": 2559}, "fiscal_year"),
        ({"area": "94", "fiscal_year": "๒๕๗๐"}, "fiscal_year"),
    ]:
        failure = refused(teams, "sammachip_report", ADMIN, query)
        assert failure.exc_type == "ValidationFailed" and f'"{field}"' in failure.value
