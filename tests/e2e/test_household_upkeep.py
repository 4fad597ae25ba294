"""Issue 16 item 2 over HTTP: members join and leave, the head changes, a person moves to another
household, a duplicate merges into the household it duplicates (its team follows), a household
moves away; hostile input is a named 4xx, another district's household is not found."""

from __future__ import annotations

import uuid

import pytest

from services.households.dates import today as thai_today
from tests.e2e.test_households import household_body, ok
from tests.e2e.test_teams import PASSWORD, Client, fields_of, seat
from tests.integration.helpers import national_id
from tests.support.waiting import wait_for

TAMBON, VILLAGE = "240109", "24010901"  # no other test works here
H = "/api/v1/households"
FULLWIDTH = "".join(chr(0xFF10 + int(d)) for d in "1101700230708")  # a valid ID in other digits


@pytest.fixture(scope="module")
def world(system):
    admin = Client(system.url, system.admin_token)
    tag = uuid.uuid4().hex[:6]

    def person(name, role, area):
        body = {"username": f"{name}.{tag}", "display_name": name.title(), "roles": [role],
                "areas": [area], "password": PASSWORD}  # fmt: skip
        return ok(admin.call("POST", "/api/v1/people", body), 201).json()

    people = {
        "supervisor": person("uk-supervisor", "district_supervisor", "2401"),
        "coordinator": person("uk-coordinator", "subdistrict_coordinator", TAMBON),
        "expert": person("uk-expert", "district_expert", "2401"),
        "leader": person("uk-leader", "volunteer_leader", VILLAGE),
        "stranger": person("uk-stranger", "subdistrict_coordinator", "240201"),
    }

    def login(who):
        return Client(system.url, system.token(who["username"], PASSWORD))

    members = [seat(role, people[name]) for role, name in (
        ("volunteer_leader", "leader"), ("subdistrict_coordinator", "coordinator"),
        ("district_expert", "expert"))]  # fmt: skip
    body = {"name": f"Upkeep {tag}", "coverage": [TAMBON], "members": members}
    team = ok(login(people["supervisor"]).call("POST", "/api/v1/teams", body), 201).json()
    return {"admin": admin, "team": team["id"], **{n: login(p) for n, p in people.items()}}


def registered(client) -> tuple[str, str]:
    created = ok(client.call("POST", H, {**household_body(), "village_code": VILLAGE}), 201)
    return created.json()["id"], created.headers["ETag"]


def assign(world, household_id: str) -> None:
    """The team takes the household once teams knows it; households learns its team."""
    admin = world["admin"]
    wait_for(lambda: admin.call("GET", f"/api/v1/assignments/{household_id}").status_code == 200,
             what="the teams service to learn of the household")  # fmt: skip
    body = {"household_id": household_id, "team_id": world["team"]}
    ok(admin.call("POST", "/api/v1/assignments", body), 201)
    wait_for(lambda: admin.call("GET", f"{H}/{household_id}").json()["team_id"],
             what="the households service to learn of the team")  # fmt: skip


def joiner(**changes) -> dict:
    seed = uuid.uuid4().int % 10**9
    return {"first_name": "Malee", "last_name": "Dee", "national_id": national_id(seed),
            "reason": "born in the household", **changes}  # fmt: skip


def test_members_join_and_leave_and_the_head_changes(world):
    coordinator, stranger = world["coordinator"], world["stranger"]
    hid, etag = registered(coordinator)
    members = f"{H}/{hid}/members"
    assert coordinator.call("POST", members, joiner()).status_code == 428
    assert coordinator.call("POST", members, joiner(), etag='"7"').status_code == 412
    assert stranger.call("POST", members, joiner(), etag=etag).status_code == 404

    joined = ok(coordinator.call("POST", members, joiner(), etag=etag))
    assert [m["number"] for m in joined.json()["members"]] == [0, 1]
    changed = ok(coordinator.call("POST", f"{H}/{hid}/head", {"member": 1, "reason": "the father"
                                  " works away"}, etag=joined.headers["ETag"]))  # fmt: skip
    removal = {"reason": "deceased", "left_on": str(thai_today())}
    left = ok(coordinator.call("POST", f"{members}/0/removal", removal,
                               etag=changed.headers["ETag"]))  # fmt: skip
    household = left.json()
    assert [(m["number"], m["is_head"]) for m in household["members"]] == [(1, True)]
    assert [(f["number"], f["reason"]) for f in household["former_members"]] == [(0, "deceased")]

    history = ok(coordinator.call("GET", f"{H}/{hid}/history")).json()["items"]
    assert [e["action"] for e in history][:3] == ["member_removed", "head_changed", "member_added"]
    supervisor_view = ok(world["supervisor"].call("GET", f"{H}/{hid}")).json()
    assert supervisor_view["former_members"][0]["national_id"].startswith("x-")  # masked


def test_hostile_input_is_a_named_field_error(world):
    coordinator = world["coordinator"]
    hid, etag = registered(coordinator)
    members = f"{H}/{hid}/members"
    for body, field in (
        (joiner(first_name="Ma\u0000lee"), "first_name"),
        (joiner(national_id="๑๑๐๑๗๐๐๒๓๐๗๐๘"), "national_id"),
        (joiner(national_id=FULLWIDTH), "national_id"),
        (joiner(birth_date="9999-12-31"), "birth_date"),
    ):
        answer = coordinator.call("POST", members, body, etag=etag)
        assert answer.status_code == 422 and fields_of(answer) == [field], answer.text
    absurd = coordinator.call("POST", f"{members}/0/removal", {"reason": "moved_out",
                              "left_on": "0001-01-01"}, etag=etag)  # fmt: skip
    assert absurd.status_code == 422 and fields_of(absurd) == ["left_on"]
    removal = {"reason": "moved_out", "left_on": str(thai_today())}
    thai_number = coordinator.call("POST", f"{members}/๑/removal", removal, etag=etag)
    assert thai_number.status_code == 404
    assert ok(coordinator.call("GET", f"{H}/{hid}")).json()["version"] == 1


def test_a_member_moves_a_duplicate_merges_with_its_team_and_a_household_moves_away(world):
    coordinator, supervisor = world["coordinator"], world["supervisor"]
    duplicate, _ = registered(coordinator)
    survivor, _ = registered(coordinator)
    assign(world, duplicate)
    dup_etag = ok(coordinator.call("GET", f"{H}/{duplicate}")).headers["ETag"]
    joined = ok(coordinator.call("POST", f"{H}/{duplicate}/members", joiner(), etag=dup_etag))
    move = {"member": 1, "to_household_id": survivor, "to_version": 1,
            "moved_on": str(thai_today()), "reason": "married"}  # fmt: skip
    moved = ok(coordinator.call("POST", f"{H}/{duplicate}/member-moves", move,
                                etag=joined.headers["ETag"]))  # fmt: skip
    assert [f["reason"] for f in moved.json()["former_members"]] == ["moved"]

    merge = {"into_household_id": survivor, "into_version": 2, "reason": "registered twice"}
    merged = ok(supervisor.call("POST", f"{H}/{duplicate}/merge", merge,
                                etag=moved.headers["ETag"]))  # fmt: skip
    assert merged.json()["stage"] == "merged" and merged.json()["merged_into"] == survivor
    kept = wait_for(
        lambda: (found := supervisor.call("GET", f"{H}/{survivor}").json())["team_id"] and found,
        what="the duplicate's team following it to the survivor",
    )
    assert kept["team_id"] == world["team"] and len(kept["members"]) == 3

    away = {"moved_on": str(thai_today()), "destination_area_code": "1001", "reason": "work"}
    gone = ok(supervisor.call("POST", f"{H}/{survivor}/moved-away", away,
                              etag=f'"{kept["version"]}"'))  # fmt: skip
    assert (gone.json()["stage"], gone.json()["moved_to_area"]) == ("moved", "1001")
