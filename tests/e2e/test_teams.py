"""Team workflows over HTTP, as the README shows them: people, a Smile Team formed and completed,
households assigned (one, a village, a reassignment), caseloads and outcomes, a trainer team and
its cohort, a support organisation's plan; and each bad input refused with nothing changed."""

from __future__ import annotations

import base64
import json
import random
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
import requests

from tests.integration.helpers import household_payload
from tests.support.waiting import wait_for

PROBLEM = "application/problem+json"
PASSWORD = "team workflows 2026!"
VILLAGE, TAMBON = "24010101", "240101"


@dataclass
class Client:
    url: str
    token: str

    def call(self, method: str, path: str, body=None, etag: str | None = None, **params):
        # English problems: tests read the English texts (Thai is the default, test_languages)
        headers = {"Authorization": f"Bearer {self.token}", "Accept-Language": "en"}
        if etag:
            headers["If-Match"] = etag
        return requests.request(
            method, f"{self.url}{path}", json=body, params=params, headers=headers, timeout=10
        )


def fields_of(answer) -> list[str]:
    assert answer.headers["Content-Type"] == PROBLEM, answer.text
    return [e["field"] for e in answer.json().get("errors", [])]


def claims_of(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


@pytest.fixture(scope="module")
def world(system):
    """Names unique to this run, the administrator, and the people of one district."""
    admin = Client(system.url, system.admin_token)
    tag = uuid.uuid4().hex[:6]

    def person(name: str, role: str, area: str) -> dict:
        body = {
            "username": f"{name}.{tag}",
            "display_name": name.title(),
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
        }
        answer = admin.call("POST", "/api/v1/people", body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    people = {
        "supervisor": person("supervisor", "district_supervisor", "2401"),
        "leader": person("leader", "volunteer_leader", VILLAGE),
        "coordinator": person("coordinator", "subdistrict_coordinator", TAMBON),
        "expert": person("expert", "district_expert", "2401"),
        "leader2": person("leader2", "volunteer_leader", "24010102"),
        "coordinator2": person("coordinator2", "subdistrict_coordinator", TAMBON),
        "sages": [person(f"sage{i}", "trainer", VILLAGE) for i in range(5)],
    }
    as_ = {
        name: Client(system.url, system.token(people[name]["username"], PASSWORD))
        for name in ("supervisor", "coordinator", "leader2")
    }
    return {"admin": admin, "people": people, "as": as_, "system": system}


def seat(role: str, who: dict) -> dict:
    return {"role": role, "person_id": who["id"]}


def trio(people: dict, leader: str = "leader", coordinator: str = "coordinator") -> list[dict]:
    return [
        seat("volunteer_leader", people[leader]),
        seat("subdistrict_coordinator", people[coordinator]),
        seat("district_expert", people["expert"]),
    ]


def household(world, village: str = VILLAGE) -> str:
    payload = household_payload(seed=random.randrange(10**9, 10**10), village_code=village)
    answer = world["admin"].call("POST", "/api/v1/households", payload)
    assert answer.status_code == 201, answer.text
    household_id = answer.json()["id"]
    wait_for(
        lambda: world["admin"].call("GET", f"/api/v1/assignments/{household_id}").status_code
        == 200,
        what="the teams service to learn of the household",
    )
    return household_id


def team(world, name: str, members: list[dict], coverage=(TAMBON,)):
    body = {"name": name, "coverage": list(coverage), "members": members}
    answer = world["as"]["supervisor"].call("POST", "/api/v1/teams", body)
    assert answer.status_code == 201, answer.text
    return answer


def test_a_team_forms_completes_and_its_members_tokens_carry_it(world):
    p, supervisor = world["people"], world["as"]["supervisor"]
    formed = team(world, "Smile Bang Phra", [seat("volunteer_leader", p["leader"])])
    body = formed.json()
    assert body["status"] == "forming" and formed.headers["ETag"] == '"1"'
    path = formed.headers["Location"]
    seats = [
        seat("subdistrict_coordinator", p["coordinator"]),
        seat("district_expert", p["expert"]),
    ]
    missing = supervisor.call("POST", f"{path}/members", seats[0])
    assert missing.status_code == 428
    first = supervisor.call("POST", f"{path}/members", seats[0], etag=formed.headers["ETag"])
    done = supervisor.call("POST", f"{path}/members", seats[1], etag=first.headers["ETag"])
    assert done.status_code == 200 and done.json()["status"] == "complete"
    token = world["system"].token(p["coordinator"]["username"], PASSWORD)
    assert body["id"] in claims_of(token)["teams"]


def test_two_members_of_one_role_and_a_member_outside_the_coverage_change_nothing(world):
    p, supervisor = world["people"], world["as"]["supervisor"]
    before = supervisor.call("GET", "/api/v1/teams", limit=200).json()["items"]
    doubled = [seat("volunteer_leader", p["leader"]), seat("volunteer_leader", p["leader2"])]
    answer = supervisor.call(
        "POST", "/api/v1/teams", {"name": "X", "coverage": [TAMBON], "members": doubled}
    )
    assert answer.status_code == 422 and fields_of(answer) == ["members.1.role"]
    outside = [seat("volunteer_leader", p["leader2"])]  # lives in 24010102, outside 240103
    answer = supervisor.call(
        "POST", "/api/v1/teams", {"name": "X", "coverage": ["240103"], "members": outside}
    )
    assert answer.status_code == 422 and fields_of(answer) == ["members.0.person_id"]
    assert supervisor.call("GET", "/api/v1/teams", limit=200).json()["items"] == before


def test_households_are_assigned_reassigned_and_counted(world):
    p, coordinator = world["people"], world["as"]["coordinator"]
    first = team(world, "Smile One", trio(p))
    second = team(world, "Smile Two", trio(p, "leader2", "coordinator2"))
    one, two = first.json()["id"], second.json()["id"]
    households = [household(world) for _ in range(3)]
    assigned = coordinator.call(
        "POST", "/api/v1/assignments", {"household_id": households[0], "team_id": one}
    )
    assert assigned.status_code == 201 and assigned.headers["Location"].endswith(households[0])
    village = coordinator.call(
        "POST", "/api/v1/assignments/villages", {"village_code": VILLAGE, "team_id": one}
    )
    assert set(households[1:]) <= set(village.json()["assigned"])
    moved = coordinator.call(
        "POST",
        f"/api/v1/assignments/{households[1]}/reassignment",
        {"team_id": two, "reason": "the family lives next to leader two"},
        etag='"1"',
    )
    assert moved.status_code == 200 and moved.json()["team_id"] == two
    history = coordinator.call("GET", f"/api/v1/assignments/{households[1]}").json()["history"]
    assert [h["to_team_id"] for h in history] == [one, two]
    load = coordinator.call("GET", f"/api/v1/teams/{two}/caseload").json()
    expert = next(m for m in load["members"] if m["role"] == "district_expert")
    assert load["open_cases"] >= 1 and expert["teams"] >= 2
    assert expert["open_cases"] >= load["open_cases"] + 1  # the expert also serves in team one
    suggestion = coordinator.call("GET", "/api/v1/teams/suggestion", area=VILLAGE).json()
    assert suggestion["suggested_team_id"] == suggestion["candidates"][0]["team_id"]
    outcomes = coordinator.call("GET", "/api/v1/teams/outcomes", area=TAMBON).json()["items"]
    row = next(r for r in outcomes if r["team_id"] == two)
    assert row["households"] >= 1 and row["by_stage"] and "graduation_rate" in row


def test_forming_teams_and_households_outside_the_coverage_take_no_assignment(world):
    p, coordinator = world["people"], world["as"]["coordinator"]
    forming = team(world, "Still forming", [seat("volunteer_leader", p["leader"])]).json()["id"]
    here = household(world)
    answer = coordinator.call(
        "POST", "/api/v1/assignments", {"household_id": here, "team_id": forming}
    )
    assert answer.status_code == 409 and fields_of(answer) == ["team_id"]
    seats = trio(p, "leader2", "coordinator2")
    full = team(world, "Smile 240102", seats, coverage=(TAMBON, "240102")).json()["id"]
    elsewhere = household(world, village="24010301")
    answer = world["admin"].call(
        "POST", "/api/v1/assignments", {"household_id": elsewhere, "team_id": full}
    )
    assert answer.status_code == 422 and fields_of(answer) == ["household_id"]
    for household_id in (here, elsewhere):
        unchanged = world["admin"].call("GET", f"/api/v1/assignments/{household_id}").json()
        assert unchanged["team_id"] is None and unchanged["history"] == []


def test_volunteer_leaders_see_their_own_teams_only(world):
    leader2 = world["as"]["leader2"]
    listed = leader2.call("GET", "/api/v1/teams").json()["items"]
    assert listed and all(
        world["people"]["leader2"]["id"] in {m["person_id"] for m in t["members"]} for t in listed
    )
    others = world["as"]["supervisor"].call("GET", "/api/v1/teams", limit=200).json()["items"]
    hidden = next(t for t in others if t["id"] not in {x["id"] for x in listed})
    assert leader2.call("GET", f"/api/v1/teams/{hidden['id']}").status_code == 404


def test_a_trainer_team_trains_a_cohort_and_completes_it(world):
    supervisor, sages = world["as"]["supervisor"], world["people"]["sages"]
    members = [
        {"person_id": s["id"], "lead": i == 0, "lead_trained_on": "2026-06-01" if i == 0 else None}
        for i, s in enumerate(sages)
    ]
    formed = supervisor.call(
        "POST",
        "/api/v1/trainer-teams",
        {"village_code": VILLAGE, "name": "Trainers", "members": members},
    )
    assert formed.status_code == 201 and formed.json()["status"] == "ready"
    trainer_team = formed.json()["id"]
    crowd = [str(uuid.uuid4()) for _ in range(200)]
    too_many = supervisor.call(
        "POST",
        "/api/v1/cohorts",
        {"trainer_team_id": trainer_team, "occupation": "Basketry", "households": crowd},
    )
    assert too_many.status_code == 422 and fields_of(too_many) == ["households"]
    trainees = [household(world) for _ in range(2)]
    lead = Client(world["system"].url, world["system"].token(sages[0]["username"], PASSWORD))
    opened = lead.call(
        "POST",
        "/api/v1/cohorts",
        {"trainer_team_id": trainer_team, "occupation": "Basketry", "households": trainees},
    )
    assert opened.status_code == 201, opened.text
    cohort = opened.headers["Location"]
    session = lead.call(
        "POST",
        f"{cohort}/sessions",
        {"held_on": "2026-12-01", "duration_minutes": 240, "kind": "practice"},
    )
    assert session.status_code == 201
    attendance = f"{cohort}/sessions/{session.json()['id']}/attendance"
    stranger = lead.call(
        "PUT", attendance, {"attendance": [{"household_id": str(uuid.uuid4()), "present": True}]}
    )
    assert stranger.status_code == 422 and fields_of(stranger) == ["attendance.0.household_id"]
    marks = [{"household_id": h, "present": True} for h in trainees]
    assert lead.call("PUT", attendance, {"attendance": marks}).status_code == 200
    current = lead.call("GET", cohort)
    assert [a["sessions_attended"] for a in current.json()["attendance"]] == [1, 1]
    done = lead.call("POST", f"{cohort}/completion", {}, etag=current.headers["ETag"])
    assert done.status_code == 200 and done.json()["status"] == "completed"
    group = supervisor.call(
        "POST",
        "/api/v1/occupation-groups",
        {
            "name": "Basket makers",
            "occupation": "basketry",
            "village_code": VILLAGE,
            "members": trainees,
        },
    )
    assert group.status_code == 201 and group.json()["members"] == trainees


def test_a_support_organisation_runs_its_plan(world):
    supervisor = world["as"]["supervisor"]
    org = supervisor.call(
        "POST",
        "/api/v1/support-organisations",
        {"kind": "volunteer_club", "district_code": "2401", "name": "ชมรม อช. เมือง"},
    )
    assert org.status_code == 201 and org.json()["kind_th"] == "ชมรม อช."
    plan = supervisor.call(
        "POST", f"{org.headers['Location']}/plans", {"year": 2027, "title": "Support trainer teams"}
    )
    path, tag = plan.headers["Location"], plan.headers["ETag"]
    skipped = supervisor.call("POST", f"{path}/phase", {"to": "execute"}, etag=tag)
    assert skipped.status_code == 409 and skipped.json()["allowed"] == ["plan"]
    planned = supervisor.call("POST", f"{path}/phase", {"to": "plan"}, etag=tag)
    tasked = supervisor.call(
        "POST",
        f"{path}/tasks",
        {"title": "Visit trainer teams", "due_on": "2027-03-31"},
        etag=planned.headers["ETag"],
    )
    executing = supervisor.call(
        "POST", f"{path}/phase", {"to": "execute"}, etag=tasked.headers["ETag"]
    )
    task_id = executing.json()["tasks"][0]["id"]
    report = supervisor.call(
        "POST",
        f"{path}/tasks/{task_id}/reports",
        # a report is of a day that has passed (today, at the latest)
        {"reported_on": date.today().isoformat(), "percent": 50, "note": "half visited"},
    )
    assert report.status_code == 201 and report.json()["tasks"][0]["progress"] == 50
    assert [p["phase"] for p in report.json()["phases"]] == ["prepare", "plan", "execute"]


def test_the_openapi_document_describes_the_team_routes(world):
    document = requests.get(f"{world['system'].url}/openapi.json", timeout=10).json()
    assert document["paths"]["/api/v1/teams/{team_id}/members"]["post"]["security"] == [
        {"bearer": []},
        {"session": []},
    ]
    assert {"FormTeam", "TeamOut", "OpenCohort", "ActionPlanOut"} <= set(
        document["components"]["schemas"]
    )
