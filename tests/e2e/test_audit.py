"""Issue 16 item 1 over HTTP: a household's registration and correction (with its reason) are read
back as its history (national IDs masked for a volunteer leader, whole for the coordinator), the
administrator searches them by area and period, and the search is refused to a volunteer; a team,
a corrected person and a savings group keep histories in their own services, and the search
merges every service's entries, paged exactly."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from services.households.dates import today as thai_today
from tests.e2e.access_setup import FUNDING_RULES
from tests.e2e.test_households import household_body, ok
from tests.e2e.test_teams import PASSWORD, Client, seat
from tests.support.waiting import wait_for

TAMBON, VILLAGE = "240108", "24010801"  # Bang Kaeo: no other test works here


@pytest.fixture(scope="module")
def world(system):
    admin = Client(system.url, system.admin_token)
    tag = uuid.uuid4().hex[:6]

    def person(name, role, area):
        body = {
            "username": f"{name}.{tag}",
            "display_name": name.title(),
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
        }
        return ok(admin.call("POST", "/api/v1/people", body), 201).json()

    people = {
        "supervisor": person("au-supervisor", "district_supervisor", "2401"),
        "coordinator": person("au-coordinator", "subdistrict_coordinator", TAMBON),
        "expert": person("au-expert", "district_expert", "2401"),
        "leader": person("au-leader", "volunteer_leader", VILLAGE),
    }

    def login(who):
        return Client(system.url, system.token(who["username"], PASSWORD))

    members = [
        seat("volunteer_leader", people["leader"]),
        seat("subdistrict_coordinator", people["coordinator"]),
        seat("district_expert", people["expert"]),
    ]
    team = login(people["supervisor"]).call(
        "POST", "/api/v1/teams", {"name": f"Audit {tag}", "coverage": [TAMBON], "members": members}
    )
    assert team.status_code == 201, team.text
    return {
        "admin": admin,
        "team": team.json()["id"],
        "people": people,
        **{name: login(people[name]) for name in people},
    }


def body_in_the_village():
    return {**household_body(), "village_code": VILLAGE}


def test_a_household_history_and_the_audit_search(world):
    coordinator, leader, admin = world["coordinator"], world["leader"], world["admin"]
    created = ok(coordinator.call("POST", "/api/v1/households", body_in_the_village()), 201)
    hid = created.json()["id"]
    head = coordinator.call("GET", f"/api/v1/households/{hid}").json()["members"][0]
    tag = created.headers["ETag"]
    unexplained = coordinator.call("PATCH", f"/api/v1/households/{hid}", {"size": 4}, etag=tag)
    assert [e["field"] for e in unexplained.json()["errors"]] == ["reason"]
    corrected = coordinator.call(
        "PATCH",
        f"/api/v1/households/{hid}",
        {"size": 4, "reason": "นับสมาชิกผิด"},
        etag=created.headers["ETag"],
    )
    ok(corrected)

    entries = ok(coordinator.call("GET", f"/api/v1/households/{hid}/history")).json()["items"]
    assert [e["action"] for e in entries] == ["corrected", "registered"]
    assert entries[0]["changes"] == {"size": [3, 4]}
    whole = entries[1]["changes"]["members"][1][0]["national_id"]
    assert whole == head["national_id"] and not whole.startswith("x-")

    _assign(world, hid)
    seen = ok(leader.call("GET", f"/api/v1/households/{hid}/history")).json()["items"]
    assert [e["action"] for e in seen] == ["corrected", "registered"]
    assert seen[1]["changes"]["members"][1][0]["national_id"].startswith("x-")

    today = thai_today()  # the period is of Bangkok calendar days
    period = {"since": (today - timedelta(days=1)).isoformat(), "until": today.isoformat()}
    found = ok(admin.call("GET", "/api/v1/audit", area=VILLAGE, **period)).json()["items"]
    assert {e["object_id"] for e in found if e["service"] == "households"} == {hid}
    paged = ok(admin.call("GET", "/api/v1/audit", area=VILLAGE, limit=1, **period))
    assert 'rel="next"' in paged.headers["Link"]

    assert leader.call("GET", "/api/v1/audit", area=VILLAGE, **period).status_code == 403
    supervisor = world["supervisor"]
    assert supervisor.call("GET", "/api/v1/audit", area="2402", **period).status_code == 404
    backwards = {"since": period["until"], "until": "2001-01-01"}
    assert admin.call("GET", "/api/v1/audit", area=VILLAGE, **backwards).status_code == 422


def test_teams_people_and_funding_keep_histories_and_the_search_merges_every_service(world):
    admin, supervisor = world["admin"], world["supervisor"]
    formed = ok(supervisor.call("GET", f"/api/v1/teams/{world['team']}/history")).json()["items"]
    assert formed[-1]["action"] == "formed"

    leader = world["people"]["leader"]["id"]
    read = ok(admin.call("GET", f"/api/v1/people/{leader}"))
    profile = {k: read.json()[k] for k in ("username", "display_name", "roles", "areas")}
    renamed = {**profile, "display_name": "Au Leader B."}
    unexplained = admin.call("PUT", f"/api/v1/people/{leader}", renamed, etag=read.headers["ETag"])
    assert [e["field"] for e in unexplained.json()["errors"]] == ["reason"]
    explained = {**renamed, "reason": "misspelt"}
    ok(admin.call("PUT", f"/api/v1/people/{leader}", explained, etag=read.headers["ETag"]))
    changed = ok(admin.call("GET", f"/api/v1/people/{leader}/history")).json()["items"][0]
    assert (changed["reason"], changed["changes"]["display_name"][1]) == (
        "misspelt",
        "Au Leader B.",
    )

    group = ok(admin.call("POST", "/api/v1/savings-groups", _savings_group(world)), 201).json()
    path = f"/api/v1/savings-groups/{group['id']}/history"
    assert [e["action"] for e in ok(admin.call("GET", path)).json()["items"]] == ["registered"]

    today = thai_today()
    period = {"since": (today - timedelta(days=1)).isoformat(), "until": today.isoformat()}
    whole = ok(admin.call("GET", "/api/v1/audit", area=TAMBON, limit=200, **period)).json()
    assert {"teams", "funding"} <= {e["service"] for e in whole["items"]}
    paged, after = [], None
    while True:
        query = {"area": TAMBON, "limit": 3, **period, **({"after": after} if after else {})}
        answer = ok(admin.call("GET", "/api/v1/audit", **query)).json()
        paged += [(e["service"], e["id"]) for e in answer["items"]]
        if not (after := answer["next"]):
            break
    assert paged == [(e["service"], e["id"]) for e in whole["items"]]


def _savings_group(world):
    chair, treasurer = world["people"]["supervisor"]["id"], world["people"]["expert"]["id"]
    return {
        "name": "Audit savings",
        "village_code": VILLAGE,
        "committee": [
            {"person_id": chair, "role": "chair"},
            {"person_id": treasurer, "role": "treasurer"},
        ],
        "rules": FUNDING_RULES,
    }


def test_the_history_of_a_household_outside_the_callers_reach_is_not_found(world):
    created = ok(world["admin"].call("POST", "/api/v1/households", _elsewhere()), 201)
    answer = world["coordinator"].call("GET", f"/api/v1/households/{created.json()['id']}/history")
    assert answer.status_code == 404


def _elsewhere():
    return {**household_body(), "village_code": "24010901"}


def _assign(world, hid):
    coordinator = world["coordinator"]
    wait_for(
        lambda: coordinator.call("GET", f"/api/v1/assignments/{hid}").status_code == 200,
        what="teams to learn of the household",
    )
    assignment = {"household_id": hid, "team_id": world["team"]}
    ok(coordinator.call("POST", "/api/v1/assignments", assignment), 201)
    wait_for(
        lambda: world["leader"].call("GET", f"/api/v1/households/{hid}").status_code == 200,
        what="the assignment",
    )
