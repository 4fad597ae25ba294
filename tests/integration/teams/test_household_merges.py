"""A duplicate household merged into another, as the teams service follows it over the real
broker (SQLite and PostgreSQL): the duplicate's case closes and its team takes the survivor,
announced as an assignment true to its contract."""

import uuid

from services.teams.events import HOUSEHOLD_ASSIGNED
from tests.integration.helpers import drain, publish_event, tap
from tests.integration.teams.test_teams_service import (
    ADMIN,
    AT,
    call,
    household_event,
    person,
    stage_of,
    teams,  # noqa: F401 (the fixture)
)
from tests.support.waiting import wait_for


def formed_team(config) -> str:
    seats = [
        {"role": role, "person_id": person(config, f"{role}.m", role, area)}
        for role, area in (
            ("volunteer_leader", "24010101"),
            ("subdistrict_coordinator", "240101"),
            ("district_expert", "2401"),
        )
    ]
    payload = {"name": "Smile Merge", "coverage": ["240101"], "members": seats}
    return call(config, "form_team", ADMIN, payload)["id"]


def survivor_events(amqp_uri: str, events, survivor: str) -> list[dict]:
    """The tap may still catch the duplicate's own assignment, relayed after it was bound."""
    return [event for event in drain(amqp_uri, events) if event["data"]["household_id"] == survivor]


def test_the_duplicates_team_takes_the_household_it_merged_into(teams, amqp_uri):  # noqa: F811
    team_id, duplicate, survivor = formed_team(teams), str(uuid.uuid4()), str(uuid.uuid4())
    publish_event(amqp_uri, household_event("household_registered", duplicate,
                                            member_count=2, registered_at=AT))  # fmt: skip
    wait_for(lambda: stage_of(teams, duplicate), what="the duplicate known")
    call(teams, "assign_household", ADMIN, {"household_id": duplicate, "team_id": team_id})
    events = tap(amqp_uri, "teams")

    merged = household_event(
        "household_merged", duplicate, team_id=team_id, member_count=2, changed_by="expert",
        changed_at=AT, into_household_id=survivor, into_village_code="24010101",
        into_team_id=None, into_member_count=4, members_joined=2,
    )  # fmt: skip
    publish_event(amqp_uri, merged)

    (assigned,) = wait_for(
        lambda: survivor_events(amqp_uri, events, survivor), what="the survivor's assignment"
    )
    assert assigned["event_type"] == "household_assigned"
    assert assigned["data"]["household_id"] == survivor and assigned["data"]["team_id"] == team_id
    assert HOUSEHOLD_ASSIGNED.schema().validate(assigned["data"]) == {}
    assert stage_of(teams, duplicate) == "merged"
    found = call(teams, "get_assignment", ADMIN, survivor)
    assert found["team_id"] == team_id and found["stage"] == "registered"
    assert "merged from household" in found["history"][0]["reason"]
