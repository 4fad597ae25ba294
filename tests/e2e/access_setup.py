"""Builds the matrix's world: B's objects of every kind, and A's callers of every role."""

from __future__ import annotations

import random

import requests

from tests.e2e.access_world import (
    ROLES_AT,
    A,
    B,
    World,
    assigned,
    household,
    ok,
    smile_team,
)
from tests.e2e.test_teams import Client
from tests.integration.helpers import national_id
from tests.support.waiting import wait_for


def build(system) -> World:
    world = World(system, Client(system.url, system.admin_token))
    _province_b(world)
    _province_a(world)
    return world


def _province_b(world: World) -> None:
    team, b = smile_team(world, B, "b")
    o = world.objects
    o["team_id"], o["person_id"] = team, b["people"]["leader"]["id"]
    o["person_username"] = b["people"]["leader"]["username"]  # what a name search would find
    o["household_id"] = household(b["coordinator"], B["village"])
    assigned(world, b["coordinator"], o["household_id"], team)
    _case(b, o)
    _funding(world, b, o)
    _sammachip(world, b, o)
    _programme(world, b, o)
    _organisation(world, b, o)
    _team_plan(b, o)
    _sammachip_people(world, b, o)
    _import(b, o)
    _escalation_and_notification(world, b, o)
    _subscription(world, o)
    o["code"], o["name"] = B["district"], "sammachip"  # an area (public names) and a report


def _case(b: dict, o: dict[str, str]) -> None:
    hh = f"/api/v1/households/{o['household_id']}"
    targeting = {"area_code": B["tambon"], "survey_year": 2026}
    ok(b["coordinator"].call("POST", "/api/v1/targeting", targeting))
    current = wait_for(
        lambda: (r := b["leader"].call("GET", hh)).status_code == 200 and r,
        what="the assignment to reach households",
    )
    ok(
        b["leader"].call(
            "POST",
            f"{hh}/consent",
            {"informed": True, "consented": True},
            etag=current.headers["ETag"],
        )
    )
    plan = ok(b["coordinator"].call("PUT", f"{hh}/plan", PLAN))
    plan = ok(b["coordinator"].call("POST", f"{hh}/plan/submission", {}, etag=plan.headers["ETag"]))
    ok(b["expert"].call("POST", f"{hh}/plan/approval", {}, etag=plan.headers["ETag"]))
    item = ok(
        b["coordinator"].call(
            "POST", f"{hh}/interventions", {"kind": "in_kind", "description": "rice seed"}
        ),
        201,
    )
    o["intervention_id"] = item.json()["id"]


def _funding(world: World, b: dict, o: dict[str, str]) -> None:
    """A network and a savings group in B with a member, an applied loan, and the household's
    funding-access request waiting for the committee."""
    maker, checker = (world.person(f"b{n}", "savings_group_officer", B["village"]) for n in "mc")
    network = {"name": "B network", "district_code": B["district"]}
    o["network_id"] = ok(world.admin.call("POST", "/api/v1/savings-networks", network), 201).json()[
        "id"
    ]
    group = {
        "name": "B savings",
        "village_code": B["village"],
        "network_id": o["network_id"],
        "committee": [
            {"person_id": maker["id"], "role": "treasurer"},
            {"person_id": checker["id"], "role": "chair"},
        ],
        "rules": FUNDING_RULES,
    }
    group_id = ok(world.admin.call("POST", "/api/v1/savings-groups", group), 201).json()["id"]
    o["savings_group_id"], treasurer = group_id, world.login(maker)
    member = f"/api/v1/savings-groups/{group_id}/members"
    o["member_id"] = ok(
        treasurer.call("POST", member, {"first_name": "Mali", "last_name": "Dee"}), 201
    ).json()["id"]
    savings = f"/api/v1/savings-members/{o['member_id']}"
    ok(treasurer.call("POST", f"{savings}/deposits", {"amount_thb": "1000.00"}), 201)
    loan = {"amount_thb": "500.00", "term_months": 3, "purpose": "seed"}
    o["loan_id"] = ok(treasurer.call("POST", f"{savings}/loans", loan), 201).json()["id"]
    funding = {"amount_thb": "800.00", "purpose": "pigs", "term_months": 6}
    asked = {"kind": "funding_access", "description": "pigs", "funding": funding}
    hh = f"/api/v1/households/{o['household_id']}/interventions"
    ok(b["coordinator"].call("POST", hh, asked), 201)
    requests_of = f"/api/v1/savings-groups/{group_id}/funding-requests"
    o["funding_request_id"] = wait_for(
        lambda: treasurer.call("GET", requests_of).json()["items"],
        what="the funding-access request to reach B's group",
    )[0]["id"]


def _sammachip(world: World, b: dict, o: dict[str, str]) -> None:
    sages = [world.person(f"bsage{i}", "trainer", B["village"]) for i in range(5)]
    members = [
        {"person_id": s["id"], "lead": i == 0, "lead_trained_on": "2026-01-05" if i == 0 else None}
        for i, s in enumerate(sages)
    ]
    o["trainer_team_id"] = ok(
        b["supervisor"].call(
            "POST",
            "/api/v1/trainer-teams",
            {"village_code": B["village"], "name": "B trainers", "members": members},
        ),
        201,
    ).json()["id"]
    cohort = ok(
        b["supervisor"].call(
            "POST",
            "/api/v1/cohorts",
            {
                "trainer_team_id": o["trainer_team_id"],
                "occupation": "Rice",
                "households": [o["household_id"]],
            },
        ),
        201,
    ).json()
    o["cohort_id"] = cohort["id"]
    o["session_id"] = ok(
        b["supervisor"].call(
            "POST",
            f"/api/v1/cohorts/{cohort['id']}/sessions",
            {"held_on": "2026-12-01", "duration_minutes": 240, "kind": "practice"},
        ),
        201,
    ).json()["id"]
    _train(b, o)
    o["group_id"] = ok(
        b["supervisor"].call(
            "POST",
            "/api/v1/occupation-groups",
            {
                "name": "B rice",
                "occupation": "rice",
                "village_code": B["village"],
                "members": [o["household_id"]],
            },
        ),
        201,
    ).json()["id"]


def _programme(world: World, b: dict, o: dict[str, str]) -> None:
    """B district's Sammachip targets for 2570, a sub-district plan, a product and a report."""
    o["area"], o["fiscal_year"], o["period"] = B["district"], "2570", "2026-11"
    targets = f"/api/v1/sammachip/targets/{o['area']}/{o['fiscal_year']}"
    ok(world.admin.call("PUT", targets, {"households_trained": 20}), 201)
    plan = {"tambon_code": B["tambon"], "fiscal_year": 2570, "livelihood_development": True}
    plan["adopted_by_local_government"] = False
    o["community_plan_id"] = ok(
        b["supervisor"].call("POST", "/api/v1/community-plans", plan), 201
    ).json()["id"]
    group = f"/api/v1/occupation-groups/{o['group_id']}"
    product = {"name": "B rice crackers", "category": "food", "stars": None}
    ok(b["supervisor"].call("PUT", f"{group}/otop-product", product, etag='"1"'))
    report = {"period": o["period"], "operating": True, "income_thb": "900.00"}
    ok(b["supervisor"].call("POST", f"{group}/reports", report), 201)


def _train(b: dict, o: dict[str, str]) -> None:
    """The household attends and the cohort completes: only trained households form a group."""
    cohort = f"/api/v1/cohorts/{o['cohort_id']}"
    marks = {"attendance": [{"household_id": o["household_id"], "present": True}]}
    ok(b["supervisor"].call("PUT", f"{cohort}/sessions/{o['session_id']}/attendance", marks))
    current = b["supervisor"].call("GET", cohort)
    ok(b["supervisor"].call("POST", f"{cohort}/completion", {}, etag=current.headers["ETag"]))
    follow_up = {"phase": "after", "planned_on": "2026-12-01"}
    o["follow_up_id"] = ok(
        b["supervisor"].call("POST", f"{cohort}/follow-ups", follow_up), 201
    ).json()["id"]


def _sammachip_people(world: World, b: dict, o: dict[str, str]) -> None:
    """A sage of B's village, a lead-trainer course of B's district and its model household."""
    sage = {"village_code": B["village"], "name": "B sage", "skills": ["rice"]}
    sage |= {"surveyed_on": "2026-11-01", "phone": "0812345678"}
    o["sage_id"] = ok(b["supervisor"].call("POST", "/api/v1/community-sages", sage), 201).json()[
        "id"
    ]
    lead = world.person("bcourse", "trainer", B["village"])
    course = {"area_code": B["district"], "starts_on": "2026-11-02", "ends_on": "2026-11-05"}
    course["participants"] = [lead["id"]]
    o["course_id"] = ok(
        b["supervisor"].call("POST", "/api/v1/lead-trainer-courses", course), 201
    ).json()["id"]
    o["district_code"] = B["district"]
    chosen = {"household_id": o["household_id"], "selected_on": "2026-12-01"}
    path = f"/api/v1/model-households/{B['district']}/2570"
    ok(b["supervisor"].call("PUT", path, chosen), 201)


def _organisation(world: World, b: dict, o: dict[str, str]) -> None:
    org = ok(
        b["supervisor"].call(
            "POST",
            "/api/v1/support-organisations",
            {
                "kind": "womens_development_committee",
                "district_code": B["district"],
                "name": "B women",
            },
        ),
        201,
    ).json()
    o["org_id"] = org["id"]
    plan = ok(
        b["supervisor"].call(
            "POST",
            f"/api/v1/support-organisations/{org['id']}/plans",
            {"year": 2026, "title": "B plan"},
        ),
        201,
    ).json()
    o["plan_id"] = plan["id"]
    current = b["supervisor"].call("GET", f"/api/v1/action-plans/{plan['id']}")
    task = ok(
        b["supervisor"].call(
            "POST",
            f"/api/v1/action-plans/{plan['id']}/tasks",
            {"title": "train", "due_on": "2026-12-31"},
            etag=current.headers["ETag"],
        )
    )
    o["task_id"] = task.json()["tasks"][0]["id"]


def _team_plan(b: dict, o: dict[str, str]) -> None:
    """B team's approved plan for 2570 with a task for its household and a published lesson."""
    plan = ok(
        b["leader"].call(
            "POST", f"/api/v1/teams/{o['team_id']}/plans", {"fiscal_year": 2570, "title": "B"}
        ),
        201,
    )
    path = plan.headers["Location"]
    task = {"title": "visit", "due_on": "2027-06-30", "household_id": o["household_id"]}
    plan = ok(b["leader"].call("POST", f"{path}/tasks", task, etag=plan.headers["ETag"]))
    plan = ok(b["leader"].call("POST", f"{path}/submission", {}, etag=plan.headers["ETag"]))
    decision = {"approve": True}
    plan = ok(b["supervisor"].call("POST", f"{path}/decision", decision, etag=plan.headers["ETag"]))
    o["team_plan_id"], o["team_task_id"] = plan.json()["id"], plan.json()["tasks"][0]["id"]
    lesson = {"topic": "care", "title": "B lesson", "text": "what B learned"}
    ok(b["leader"].call("POST", f"{path}/lessons", lesson), 201)


def _import(b: dict, o: dict[str, str]) -> None:
    head = national_id(random.randrange(10**9, 10**10))
    rows = (
        "village_code,head_national_id,head_first_name,head_last_name,household_size,"
        f"annual_income_thb\n{B['village']},{head},Malee,Dee,3,30000\n"
    ).encode()
    answer = requests.post(
        f"{b['coordinator'].url}/api/v1/household-imports",
        data=rows,
        timeout=20,
        params={"survey_year": 2026, "format": "csv", "file_name": "b.csv"},
        headers={"Authorization": f"Bearer {b['coordinator'].token}", "Content-Type": "text/csv"},
    )
    o["import_id"] = ok(answer, 202).json()["id"]
    path = f"/api/v1/household-imports/{o['import_id']}"
    wait_for(
        lambda: b["coordinator"].call("GET", path).json()["status"] in ("done", "failed"),
        what="the import to finish (the matrix compares snapshots)",
    )


def _escalation_and_notification(world: World, b: dict, o: dict[str, str]) -> None:
    team = f"/api/v1/teams/{o['team_id']}"
    current = b["supervisor"].call("GET", team)
    ok(
        b["supervisor"].call(
            "POST",
            f"{team}/departures",
            {"person_id": o["person_id"], "reason": "moved"},
            etag=current.headers["ETag"],
        )
    )
    escalation = wait_for(
        lambda: b["supervisor"].call("GET", "/api/v1/escalations").json()["items"],
        what="the team-incomplete escalation",
    )[0]
    o["escalation_id"] = escalation["id"]
    inbox = wait_for(
        lambda: b["coordinator"].call("GET", "/api/v1/notifications").json()["items"],
        what="a notification for B's coordinator",
    )
    o["notification_id"] = inbox[0]["id"]
    o["delivery_id"] = "00000000-0000-4000-8000-000000000000"


def _subscription(world: World, o: dict[str, str]) -> None:
    """An outside system's subscription (paused: nothing is sent); administrators only."""
    body = {"name": "matrix", "url": "https://matrix.example/", "active": False,
            "event_types": ["household_registered"]}  # fmt: skip
    o["subscription_id"] = ok(world.admin.call("POST", "/api/v1/subscriptions", body), 201).json()[
        "id"
    ]


def _province_a(world: World) -> None:
    team, a = smile_team(world, A, "a")
    world.a_household = household(a["coordinator"], A["village"])
    assigned(world, a["coordinator"], world.a_household, team)
    for role, area in ROLES_AT.items():
        if role in (
            "volunteer_leader",
            "subdistrict_coordinator",
            "district_expert",
            "district_supervisor",
        ):
            key = {
                "volunteer_leader": "leader",
                "subdistrict_coordinator": "coordinator",
                "district_expert": "expert",
                "district_supervisor": "supervisor",
            }[role]
            world.callers[role] = world.login(a["people"][key])  # tokens carrying team A
        else:
            world.callers[role] = world.login(world.person(f"a-{role}", role, area))


PLAN = {
    "problems": ["debt"],
    "needs": ["income"],
    "requested_support": [],
    "livelihood": "rice",
    "goals": [{"capital": "economic", "description": "income", "baseline": "1", "target": "2"}],
}
FUNDING_RULES = {
    "min_monthly_saving_thb": "100.00",
    "annual_interest_rate": "12",
    "interest_method": "flat",
    "max_loan_multiple": "2",
    "max_term_months": 12,
}
