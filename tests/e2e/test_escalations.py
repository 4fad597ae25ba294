"""Issue 7's story through the whole system: a visit becomes overdue (the households timer sees
it) -> an escalation reaches the team's expert by e-mail and signed webhook -> left unacknowledged
it climbs to the district supervisor -> the visit is logged -> the escalation closes. The mail is
received by a real SMTP server and the webhook by a real HTTP server, both on loopback."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.conftest import launch
from tests.e2e.test_teams import PASSWORD, Client, seat
from tests.integration.helpers import national_id
from tests.integration.notifications.peers import HttpPeer, SmtpPeer, wait_mail
from tests.support.waiting import wait_for

TAMBON, VILLAGE = "240106", "24010601"  # Bang Phai: no other test works here
EXPERT_MAIL, DISTRICT_MAIL = "expert@example.test", "district@example.test"


@pytest.fixture(scope="module")
def peers(tmp_path_factory):
    smtp = SmtpPeer(tmp_path_factory.mktemp("mail")).start()
    http = HttpPeer().start()
    yield smtp, http
    smtp.stop()
    http.stop()


@pytest.fixture(scope="module")
def system(tmp_path_factory, rabbit_admin, peers):
    smtp, _ = peers
    yield from launch(
        tmp_path_factory.mktemp("escalations"),
        rabbit_admin,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=smtp.port,
        SMTP_SENDER="smile@example.test",
        ESCALATION_HOURS="[0.0005, 1]",  # 1.8 seconds at the team's expert, then an hour
        ESCALATION_LADDER_INTERVAL_SECONDS=0.2,
        DELIVERY_INTERVAL_SECONDS=0.2,
        VISIT_OVERDUE_CHECK_SECONDS=0.5,
    )


def ok(answer, status=200):
    assert answer.status_code == status, answer.text
    return answer


@pytest.fixture(scope="module")
def world(system):
    admin = Client(system.url, system.admin_token)
    tag = uuid.uuid4().hex[:6]

    def person(name, role, area, email=None):
        body = {
            "username": f"{name}.{tag}",
            "display_name": name.title(),
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
            "email": email,
        }
        return ok(admin.call("POST", "/api/v1/people", body), 201).json()

    people = {
        "expert": person("expert", "district_expert", "2401", EXPERT_MAIL),
        "district": person("district", "district_supervisor", "2401", DISTRICT_MAIL),
        "province": person("province", "provincial_supervisor", "24"),
        "coordinator": person("coordinator", "subdistrict_coordinator", TAMBON),
        "leader": person("leader", "volunteer_leader", VILLAGE),
    }
    district = Client(system.url, system.token(people["district"]["username"], PASSWORD))
    members = [
        seat("volunteer_leader", people["leader"]),
        seat("subdistrict_coordinator", people["coordinator"]),
        seat("district_expert", people["expert"]),
    ]
    team = ok(
        district.call(
            "POST",
            "/api/v1/teams",
            {"name": f"Smile {tag}", "coverage": [TAMBON], "members": members},
        ),
        201,
    ).json()["id"]
    logins = {
        name: Client(system.url, system.token(people[name]["username"], PASSWORD))
        for name in people
    }
    return {"people": people, "team": team, **logins}


def household_in_care(world):
    """Register, target, assign, consent, plan and approve, then move the case to care."""
    coordinator, leader = world["coordinator"], world["leader"]
    body = {
        "village_code": VILLAGE,
        "size": 3,
        "annual_income_thb": "30000.00",
        "bmn": {"survey_year": 2026, "failed_indicators": ["7"]},
        "members": [
            {
                "first_name": "Somchai",
                "last_name": "Dee",
                "is_head": True,
                "national_id": national_id(random.randrange(10**9, 10**10)),
            }
        ],
    }
    hid = ok(coordinator.call("POST", "/api/v1/households", body), 201).json()["id"]
    ok(coordinator.call("POST", "/api/v1/targeting", {"area_code": TAMBON, "survey_year": 2026}))
    wait_for(
        lambda: coordinator.call("GET", f"/api/v1/assignments/{hid}").status_code == 200,
        what="teams to learn of the household",
    )
    ok(
        coordinator.call(
            "POST", "/api/v1/assignments", {"household_id": hid, "team_id": world["team"]}
        ),
        201,
    )
    case = wait_for(
        lambda: (r := leader.call("GET", f"/api/v1/households/{hid}")).status_code == 200 and r,
        what="the assignment to reach households",
    )
    ok(
        leader.call(
            "POST",
            f"/api/v1/households/{hid}/consent",
            {"informed": True, "consented": True},
            etag=case.headers["ETag"],
        )
    )
    plan = ok(
        coordinator.call(
            "PUT",
            f"/api/v1/households/{hid}/plan",
            {
                "problems": ["debt"],
                "needs": ["income"],
                "requested_support": [],
                "goals": [
                    {"capital": "economic", "description": "income", "baseline": "1", "target": "2"}
                ],
            },
        )
    )
    plan = ok(
        coordinator.call(
            "POST", f"/api/v1/households/{hid}/plan/submission", {}, etag=plan.headers["ETag"]
        )
    )
    ok(
        world["expert"].call(
            "POST", f"/api/v1/households/{hid}/plan/approval", {}, etag=plan.headers["ETag"]
        )
    )
    case = leader.call("GET", f"/api/v1/households/{hid}")
    ok(
        coordinator.call(
            "POST",
            f"/api/v1/households/{hid}/stage",
            {"to_stage": "care", "reason": "support under way"},
            etag=case.headers["ETag"],
        )
    )
    return hid


def visit(world, hid, days_ago):
    when = datetime.now(UTC) - timedelta(days=days_ago)
    ok(
        world["leader"].call(
            "POST",
            f"/api/v1/households/{hid}/visits",
            {
                "visited_at": when.isoformat(),
                "notes": "follow-up",
                "wellbeing": 3,
                "annual_income_thb": "30000.00",
            },
        ),
        201,
    )


def escalation_of(client, hid):
    found = client.call("GET", "/api/v1/escalations", status=["open", "acknowledged", "closed"])
    return next((e for e in found.json()["items"] if e["subject_id"] == hid), None)


def test_an_overdue_visit_climbs_to_the_district_and_closes_when_the_visit_is_logged(world, peers):
    smtp, http = peers
    expert = world["expert"]
    preferences = expert.call("GET", "/api/v1/me/preferences")
    hooked = ok(
        expert.call(
            "PUT",
            "/api/v1/me/preferences",
            {"webhook_url": http.url("/hooks/expert")},
            etag=preferences.headers["ETag"],
        )
    )
    http.secrets["/hooks/expert"] = hooked.json()["webhook_secret"]
    hid = household_in_care(world)

    visit(world, hid, days_ago=40)  # the next visit fell due ten days ago: overdue at once
    opened = wait_for(lambda: escalation_of(expert, hid), what="the escalation to open")
    assert (
        opened["kind"] == "visit_overdue"
        and world["people"]["expert"]["id"] in (opened["addressed_to"])
    )
    assert wait_mail(smtp, EXPERT_MAIL)[0]["subject"]
    hook = wait_for(lambda: http.at("/hooks/expert"), what="the signed webhook")[0]
    assert hook["verified"] and hook["headers"]["webhook-id"]

    climbed = wait_for(
        lambda: (e := escalation_of(world["district"], hid)) and e["level"] >= 1 and e,
        what="the escalation to climb to the district",
    )
    assert world["people"]["district"]["id"] in climbed["addressed_to"]
    assert wait_mail(smtp, DISTRICT_MAIL)

    visit(world, hid, days_ago=0)
    closed = wait_for(
        lambda: (e := escalation_of(world["district"], hid))["status"] == "closed" and e,
        what="the logged visit to close the escalation",
    )
    assert closed["closed_by_event"] == "visit_logged"
