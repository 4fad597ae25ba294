"""A Smile Team's yearly plan over HTTP: the cycle with bad input and versions, and what another
province reads of it (nothing) and of its lessons (nothing)."""

from __future__ import annotations

import pytest

from tests.e2e.access_world import A, B, World, assigned, household, ok, smile_team
from tests.e2e.test_teams import PROBLEM, Client, fields_of


@pytest.fixture(scope="module")
def teams(system):
    world = World(system, Client(system.url, system.admin_token))
    found = {}
    for name, area in (("a", A), ("b", B)):
        team, clients = smile_team(world, area, f"plan{name}")
        held = household(clients["coordinator"], area["village"])
        assigned(world, clients["coordinator"], held, team)
        found[name] = {"team": team, "household": held, **clients}
    neighbour = world.person("plan.neighbour", "volunteer_leader", "24020101")
    found["neighbour"] = world.login(neighbour)
    return found


@pytest.fixture(scope="module")
def published(teams):
    """Team A's approved plan for 2571 and its lesson: (the plan's path, the lesson's id)."""
    a = teams["a"]
    plans = f"/api/v1/teams/{a['team']}/plans"
    plan = ok(a["leader"].call("POST", plans, {"fiscal_year": 2571, "title": "แผน"}), 201)
    path = plan.headers["Location"]
    task = {"title": "เยี่ยมบ้าน", "due_on": "2028-06-30", "household_id": a["household"]}
    plan = ok(a["leader"].call("POST", f"{path}/tasks", task, etag=plan.headers["ETag"]))
    plan = ok(a["leader"].call("POST", f"{path}/submission", None, etag=plan.headers["ETag"]))
    decision = {"approve": True}
    ok(a["supervisor"].call("POST", f"{path}/decision", decision, etag=plan.headers["ETag"]))
    lesson = {"topic": "funding", "title": "ออมก่อนกู้", "text": "ชวนเข้ากลุ่มออมทรัพย์ก่อน"}
    return path, ok(a["leader"].call("POST", f"{path}/lessons", lesson), 201).json()["id"]


def test_a_team_plan_from_draft_to_lessons_refuses_bad_input(teams):
    a, b = teams["a"], teams["b"]
    plans = f"/api/v1/teams/{a['team']}/plans"
    for body, field in (
        ({"fiscal_year": 99999, "title": "x"}, "fiscal_year"),
        ({"fiscal_year": 2570, "title": "a\u0000b"}, "title"),
    ):
        answer = a["leader"].call("POST", plans, body)
        assert answer.status_code == 422 and answer.headers["Content-Type"] == PROBLEM
        assert fields_of(answer) == [field]
    created = ok(a["leader"].call("POST", plans, {"fiscal_year": 2570, "title": "แผน"}), 201)
    path, etag = created.headers["Location"], created.headers["ETag"]
    task = {"title": "เยี่ยมบ้าน", "due_on": "2027-06-30", "household_id": b["household"]}
    answer = a["leader"].call("POST", f"{path}/tasks", task, etag=etag)
    assert answer.status_code == 422 and fields_of(answer) == ["household_id"]
    assert a["leader"].call("POST", f"{path}/tasks", task).status_code == 428
    task["household_id"] = a["household"]
    assert a["leader"].call("POST", f"{path}/tasks", task, etag='"9"').status_code == 412
    plan = ok(a["leader"].call("POST", f"{path}/tasks", task, etag=etag))
    plan = ok(a["leader"].call("POST", f"{path}/submission", None, etag=plan.headers["ETag"]))
    decision = {"approve": True, "note": "เห็นชอบ"}
    refused = a["leader"].call("POST", f"{path}/decision", decision, etag=plan.headers["ETag"])
    assert refused.status_code == 403
    plan = ok(a["supervisor"].call("POST", f"{path}/decision", decision, etag=plan.headers["ETag"]))
    assert (plan.json()["approval"], plan.json()["phase"]) == ("approved", "execute")
    task_id = plan.json()["tasks"][0]["id"]
    report = {"reported_on": "2026-11-20", "percent": 40}
    done = ok(a["leader"].call("POST", f"{path}/tasks/{task_id}/reports", report), 201)
    assert done.json()["tasks"][0]["status"] == "in_progress"
    quarter = {"quarter": 4, "summary": "ยังไม่ถึง"}
    answer = a["leader"].call("POST", f"{path}/quarter-reports", quarter)
    assert answer.status_code == 422 and fields_of(answer) == ["quarter"]
    lesson = {"topic": "care", "title": "ฟังก่อนแนะนำ", "text": "ฟังครัวเรือนให้จบก่อน"}
    assert (
        ok(a["leader"].call("POST", f"{path}/lessons", lesson), 201).json()["province_code"] == "24"
    )


def test_another_province_reads_neither_the_plan_nor_its_lessons(teams, published):
    (a, b), (path, lesson) = (teams["a"], teams["b"]), published
    assert b["leader"].call("GET", path).status_code == 404
    assert b["supervisor"].call("GET", path).status_code == 404
    assert a["supervisor"].call("GET", path).status_code == 200

    def lessons(client: Client, **query) -> list[str]:
        answer = ok(client.call("GET", "/api/v1/lessons", limit=200, **query))
        return [x["id"] for x in answer.json()["items"]]

    assert lesson in lessons(teams["neighbour"], topic="funding")
    assert lesson not in lessons(teams["neighbour"], area="2402")
    for client in (b["leader"], b["supervisor"]):
        assert lesson not in lessons(client) and lessons(client, area="24") == []
