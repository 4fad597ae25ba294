"""Broken object-level authorization (OWASP API1), tested over every route and every role.

Every route that names an object is called for B's objects (in another province) by a person of
each role in province A, with a valid body and a well-formed If-Match: each answer must be 403 or
404, and afterwards B's objects are exactly as they were. National IDs are shown in full only to
the roles whose work needs them. A new route that names an object fails `test_every_object_route_
is_in_the_matrix` until it is added here.
"""

from __future__ import annotations

import pytest

from gateway.openapi import handlers
from gateway.service import GatewayService
from tests.e2e.access_setup import FUNDING_RULES, PLAN

TODAY = "2026-12-01"
HH = "/api/v1/households/<string:household_id>"
SUBSCRIPTION = "/api/v1/subscriptions/<string:subscription_id>"
TEAM_PLAN = "/api/v1/team-plans/<string:team_plan_id>"
BODIES = {  # (method, route) -> a body that is valid for someone allowed to act
    ("POST", "/api/v1/action-plans/<string:plan_id>/phase"): {"to": "plan"},
    ("POST", "/api/v1/action-plans/<string:plan_id>/tasks"): {"title": "t", "due_on": TODAY},
    ("POST", "/api/v1/action-plans/<string:plan_id>/tasks/<string:task_id>/reports"): {
        "reported_on": TODAY,
        "percent": 50,
    },
    ("POST", "/api/v1/assignments/<string:household_id>/reassignment"): {
        "team_id": "{team_id}",
        "reason": "moved",
    },
    ("POST", "/api/v1/cohorts/<string:cohort_id>/completion"): {},
    ("POST", "/api/v1/cohorts/<string:cohort_id>/households"): {"households": ["{household_id}"]},
    ("POST", "/api/v1/cohorts/<string:cohort_id>/sessions"): {
        "held_on": TODAY,
        "duration_minutes": 60,
        "kind": "class",
    },
    ("PUT", "/api/v1/cohorts/<string:cohort_id>/sessions/<string:session_id>/attendance"): {
        "attendance": [{"household_id": "{household_id}", "present": True}]
    },
    ("PUT", "/api/v1/cohorts/<string:cohort_id>/willingness/<string:household_id>"): {
        "willing": True,
        "asked_on": TODAY,
    },
    ("POST", "/api/v1/cohorts/<string:cohort_id>/follow-ups"): {
        "phase": "during",
        "planned_on": TODAY,
    },
    ("PUT", "/api/v1/cohorts/<string:cohort_id>/follow-ups/<string:follow_up_id>/done"): {
        "done_on": TODAY
    },
    ("POST", "/api/v1/cohorts/<string:cohort_id>/results"): {
        "household_id": "{household_id}",
        "months": 3,
        "occupation": "rice",
        "income_earned_thb": "1.00",
        "costs_cut_thb": "0",
    },
    ("PUT", "/api/v1/community-sages/<string:sage_id>"): {"name": "n", "skills": ["s"]},
    ("PUT", "/api/v1/lead-trainer-courses/<string:course_id>"): {
        "starts_on": TODAY,
        "ends_on": "2026-12-04",
        "participants": [],
    },
    ("PUT", "/api/v1/model-households/<string:district_code>/<string:fiscal_year>"): {
        "household_id": "{household_id}",
        "selected_on": TODAY,
    },
    ("POST", "/api/v1/deliveries/<string:delivery_id>/replay"): {},
    ("POST", "/api/v1/escalations/<string:escalation_id>/acknowledgement"): {},
    ("POST", "/api/v1/escalations/<string:escalation_id>/resolution"): {"note": "done"},
    ("PATCH", SUBSCRIPTION): {"active": True},
    ("DELETE", SUBSCRIPTION): None,
    ("POST", SUBSCRIPTION + "/secret"): None,
    ("POST", SUBSCRIPTION + "/deliveries/<string:delivery_id>/replay"): None,
    ("PATCH", HH): {"size": 4, "reason": "recount"},
    ("POST", HH + "/consent"): {"informed": True, "consented": True},
    ("POST", HH + "/interventions"): {"kind": "in_kind", "description": "seed"},
    ("PATCH", HH + "/interventions/<string:intervention_id>"): {"status": "accepted"},
    ("PUT", HH + "/plan"): PLAN,
    ("POST", HH + "/plan/approval"): {},
    ("POST", HH + "/plan/return"): {"reason": "more detail"},
    ("POST", HH + "/plan/submission"): {},
    ("POST", HH + "/stage"): {"to_stage": "moved", "reason": "left the village"},
    ("POST", HH + "/members"): {
        "first_name": "A",
        "last_name": "B",
        "national_id": "1101700230708",
        "reason": "born",
    },
    ("POST", HH + "/members/<string:member>/removal"): {"reason": "moved_out", "left_on": TODAY},
    ("POST", HH + "/head"): {"member": 0, "reason": "the head works away"},
    ("POST", HH + "/member-moves"): {
        "member": 0,
        "to_household_id": "{household_id}",
        "to_version": 1,
        "moved_on": TODAY,
        "reason": "married",
    },
    ("POST", HH + "/moved-away"): {"moved_on": TODAY, "reason": "left the village"},
    ("POST", HH + "/merge"): {
        "into_household_id": "{household_id}",
        "into_version": 1,
        "reason": "twice",
    },
    ("POST", HH + "/visits"): {
        "visited_at": "2026-11-20T09:00:00+07:00",
        "notes": "n",
        "wellbeing": 3,
    },
    ("POST", "/api/v1/notifications/<string:notification_id>/read"): {},
    ("POST", "/api/v1/occupation-groups/<string:group_id>/members"): {
        "members": ["{household_id}"]
    },
    ("POST", "/api/v1/occupation-groups/<string:group_id>/registration"): {
        "registration_number": "R-1",
        "registered_on": TODAY,
    },
    ("PUT", "/api/v1/occupation-groups/<string:group_id>/otop-product"): {
        "name": "n",
        "category": "food",
    },
    ("POST", "/api/v1/occupation-groups/<string:group_id>/reports"): {
        "period": "2026-10",
        "operating": True,
        "income_thb": "1.00",
    },
    ("PUT", "/api/v1/occupation-groups/<string:group_id>/reports/<string:period>"): {
        "operating": False,
        "income_thb": "0",
    },
    ("PATCH", "/api/v1/community-plans/<string:community_plan_id>"): {
        "adopted_by_local_government": True
    },
    ("PUT", "/api/v1/sammachip/targets/<string:area>/<string:fiscal_year>"): {
        "households_trained": 1
    },
    ("PUT", "/api/v1/people/<string:person_id>"): {
        "username": "changed.name",
        "display_name": "X",
        "roles": ["volunteer_leader"],
        "areas": ["20010101"],
        "reason": "renamed",
    },
    ("POST", "/api/v1/people/<string:person_id>/deactivation"): {},
    ("PUT", "/api/v1/people/<string:person_id>/password"): {
        "password": "a new passphrase 9",
        "current_password": "team workflows 2026!",
    },
    ("PUT", "/api/v1/support-organisations/<string:org_id>"): {"name": "renamed"},
    ("POST", "/api/v1/support-organisations/<string:org_id>/plans"): {"year": 2027, "title": "t"},
    ("POST", "/api/v1/teams/<string:team_id>/plans"): {"fiscal_year": 2571, "title": "t"},
    ("PUT", TEAM_PLAN): {"title": "t"},
    ("POST", TEAM_PLAN + "/tasks"): {"title": "t", "due_on": TODAY},
    ("POST", TEAM_PLAN + "/submission"): {},
    ("POST", TEAM_PLAN + "/decision"): {"approve": True},
    ("POST", TEAM_PLAN + "/tasks/<string:team_task_id>/reports"): {
        "reported_on": TODAY,
        "percent": 50,
    },
    ("POST", TEAM_PLAN + "/quarter-reports"): {"quarter": 1, "summary": "s"},
    ("POST", TEAM_PLAN + "/lessons"): {"topic": "care", "title": "t", "text": "x"},
    ("PUT", "/api/v1/teams/<string:team_id>"): {"name": "renamed", "coverage": ["200101"]},
    ("POST", "/api/v1/teams/<string:team_id>/departures"): {"person_id": "{person_id}"},
    ("POST", "/api/v1/teams/<string:team_id>/members"): {
        "role": "volunteer_leader",
        "person_id": "{person_id}",
    },
    ("POST", "/api/v1/trainer-teams/<string:team_id>/departures"): {"person_id": "{person_id}"},
    ("POST", "/api/v1/trainer-teams/<string:team_id>/members"): {"person_id": "{person_id}"},
}
FUNDING_BODIES = {
    ("POST", "/api/v1/funding-requests/<string:funding_request_id>/decision"): {
        "decision": "accept"
    },
    ("POST", "/api/v1/loans/<string:loan_id>/approval"): {},
    ("POST", "/api/v1/loans/<string:loan_id>/disbursement"): {},
    ("POST", "/api/v1/loans/<string:loan_id>/rejection"): {"reason": "no"},
    ("POST", "/api/v1/loans/<string:loan_id>/repayments"): {"amount_thb": "10.00"},
    ("POST", "/api/v1/loans/<string:loan_id>/write-off"): {"reason": "gone"},
    ("PUT", "/api/v1/savings-groups/<string:savings_group_id>"): {
        "name": "renamed",
        "committee": [{"person_id": "{person_id}", "role": "chair"}],
        "rules": FUNDING_RULES,
    },
    ("POST", "/api/v1/savings-groups/<string:savings_group_id>/collection-sheets"): {
        "client_key": "matrix-1",
        "meeting_on": TODAY,
        "lines": [{"kind": "deposit", "member_id": "{member_id}", "amount_thb": "10.00"}],
    },
    ("POST", "/api/v1/savings-groups/<string:savings_group_id>/members"): {
        "first_name": "A",
        "last_name": "B",
    },
    ("PUT", "/api/v1/savings-networks/<string:network_id>"): {"name": "renamed", "officers": []},
    ("POST", "/api/v1/savings-members/<string:member_id>/deposits"): {"amount_thb": "10.00"},
    ("POST", "/api/v1/savings-members/<string:member_id>/loans"): {
        "amount_thb": "100.00",
        "term_months": 3,
        "purpose": "seed",
    },
    ("POST", "/api/v1/savings-members/<string:member_id>/withdrawals"): {"amount_thb": "10.00"},
}
BODIES.update(FUNDING_BODIES)
NOT_OBJECTS = {
    ("GET", "/docs/<string:asset>"),
    # public reference data: the DOPA areas' names, the same for everyone
    ("GET", "/api/v1/areas/<string:code>"),
    ("GET", "/api/v1/areas/<string:code>/children"),
    # not an object: a report's reach is per role and area (tests/e2e/test_reports.py)
    ("GET", "/api/v1/reports/<string:name>"),
}
SNAPSHOTS = [  # how the administrator reads each of B's objects, before and after
    "/api/v1/households/{household_id}/case",
    "/api/v1/households/{household_id}/plans",
    "/api/v1/teams/{team_id}",
    "/api/v1/trainer-teams/{trainer_team_id}",
    "/api/v1/cohorts/{cohort_id}",
    "/api/v1/cohorts/{cohort_id}/follow-through",
    "/api/v1/cohorts/{cohort_id}/follow-ups/{follow_up_id}",
    "/api/v1/community-sages/{sage_id}",
    "/api/v1/lead-trainer-courses/{course_id}",
    "/api/v1/model-households/{district_code}/{fiscal_year}",
    "/api/v1/occupation-groups/{group_id}",
    "/api/v1/occupation-groups/{group_id}/reports",
    "/api/v1/community-plans/{community_plan_id}",
    "/api/v1/sammachip/targets/{area}/{fiscal_year}",
    "/api/v1/support-organisations/{org_id}",
    "/api/v1/action-plans/{plan_id}",
    "/api/v1/team-plans/{team_plan_id}",
    "/api/v1/teams/{team_id}/plans",
    "/api/v1/people/{person_id}",
    "/api/v1/escalations/{escalation_id}",
    "/api/v1/subscriptions/{subscription_id}",
    "/api/v1/assignments/{household_id}",
    "/api/v1/household-imports/{import_id}",
    "/api/v1/savings-networks/{network_id}",
    "/api/v1/savings-groups/{savings_group_id}",
    "/api/v1/savings-groups/{savings_group_id}/ledger",
    "/api/v1/savings-members/{member_id}",
    "/api/v1/loans/{loan_id}",
    "/api/v1/funding-requests/{funding_request_id}",
]


def object_routes() -> list[tuple[str, str]]:
    found = {(h.method, h.url) for h in handlers(GatewayService) if "<" in h.url}
    return sorted(found - NOT_OBJECTS)


@pytest.fixture(scope="module")
def world(access_world):
    return access_world


def path_of(route: str, objects: dict[str, str]) -> str:
    names = {"member": "0", **objects}  # a member's number: the head of the household
    if route.startswith("/api/v1/trainer-teams/"):
        names["team_id"] = objects["trainer_team_id"]
    path = route
    for name, value in names.items():
        path = path.replace(f"<string:{name}>", value)
    assert "<" not in path, f"no object for {path}"
    return path


def filled(body, objects: dict[str, str]):
    if isinstance(body, dict):
        return {k: filled(v, objects) for k, v in body.items()}
    if isinstance(body, list):
        return [filled(v, objects) for v in body]
    return body.format(**objects) if isinstance(body, str) and "{" in body else body


def snapshot(world) -> dict[str, object]:
    return {p: world.admin.call("GET", p.format(**world.objects)).json() for p in SNAPSHOTS}


def test_every_object_route_is_in_the_matrix():
    missing = [(m, r) for m, r in object_routes() if m != "GET" and (m, r) not in BODIES]
    assert missing == [], f"add these routes to BODIES: {missing}"


def test_no_role_of_another_province_reads_or_changes_an_object(world):
    before = snapshot(world)
    allowed_through = []
    for method, route in object_routes():
        path = path_of(route, world.objects)
        body = filled(BODIES.get((method, route)), world.objects)
        for role, client in world.callers.items():
            answer = client.call(method, path, body, etag='"1"')
            if answer.status_code not in (403, 404):
                allowed_through.append((role, method, route, answer.status_code))
    assert allowed_through == []
    assert snapshot(world) == before


@pytest.mark.parametrize(
    "role, full",
    [
        ("volunteer_leader", False),
        ("subdistrict_coordinator", True),
        ("district_expert", True),
        ("district_supervisor", False),
        ("provincial_supervisor", False),
    ],
)
def test_national_ids_are_full_only_for_roles_that_need_them(world, role, full):
    answer = world.callers[role].call("GET", f"/api/v1/households/{world.a_household}")
    assert answer.status_code == 200, answer.text
    shown = answer.json()["members"][0]["national_id"]
    assert shown.startswith("x-") is not full


@pytest.mark.parametrize("role", ["savings_group_officer", "trainer"])
def test_roles_without_case_work_do_not_see_households_at_all(world, role):
    answer = world.callers[role].call("GET", f"/api/v1/households/{world.a_household}")
    assert answer.status_code == 404
