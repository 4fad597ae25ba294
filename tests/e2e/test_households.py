"""Issue 5 over HTTP: one household walks target -> consent -> compass -> manage -> care ->
graduated, with the real teams service assigning it and training it; a BMN import; bad input."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests

from tests.e2e.test_teams import PASSWORD, Client, fields_of, seat
from tests.integration.helpers import national_id
from tests.support.waiting import wait_for

TAMBON, VILLAGE = "240105", "24010501"  # Bang Tin Pet: no other test works here


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
        answer = admin.call("POST", "/api/v1/people", body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    people = {
        "supervisor": person("hh-supervisor", "district_supervisor", "2401"),
        "coordinator": person("hh-coordinator", "subdistrict_coordinator", TAMBON),
        "expert": person("hh-expert", "district_expert", "2401"),
        "leader": person("hh-leader", "volunteer_leader", VILLAGE),
        "sages": [person(f"hh-sage{i}", "trainer", VILLAGE) for i in range(5)],
    }

    def login(who):
        return Client(system.url, system.token(who["username"], PASSWORD))

    supervisor = login(people["supervisor"])
    members = [
        seat("volunteer_leader", people["leader"]),
        seat("subdistrict_coordinator", people["coordinator"]),
        seat("district_expert", people["expert"]),
    ]
    team = supervisor.call(
        "POST", "/api/v1/teams", {"name": f"Smile {tag}", "coverage": [TAMBON], "members": members}
    )
    assert team.status_code == 201 and team.json()["status"] == "complete", team.text
    return {  # logins after the team exists, so the tokens carry it
        "admin": admin,
        "people": people,
        "team": team.json()["id"],
        **{name: login(people[name]) for name in ("supervisor", "coordinator", "expert", "leader")},
        "lead_sage": login(people["sages"][0]),
    }


def household_body(income="30000.00"):
    seed = random.randrange(10**9, 10**10)
    return {
        "village_code": VILLAGE,
        "size": 3,
        "annual_income_thb": income,
        "members": [
            {
                "first_name": "Somchai",
                "last_name": "Dee",
                "national_id": national_id(seed),
                "is_head": True,
                "birth_date": "1970-05-01",
                "sex": "male",
            }
        ],
        "bmn": {"survey_year": 2026, "failed_indicators": ["7"]},
    }


def ok(answer, status=200):
    assert answer.status_code == status, answer.text
    return answer


def stage_of(client, household):
    return client.call("GET", f"/api/v1/households/{household}").json()["stage"]


def train(world, household):
    """A village trainer team of five sages trains the household; teams announces it."""
    sages = world["people"]["sages"]
    members = [
        {"person_id": s["id"], "lead": i == 0, "lead_trained_on": "2026-06-01" if i == 0 else None}
        for i, s in enumerate(sages)
    ]
    trainer_team = ok(
        world["supervisor"].call(
            "POST",
            "/api/v1/trainer-teams",
            {"village_code": VILLAGE, "name": "Trainers", "members": members},
        ),
        201,
    ).json()["id"]
    lead = world["lead_sage"]
    cohort = ok(
        lead.call(
            "POST",
            "/api/v1/cohorts",
            {"trainer_team_id": trainer_team, "occupation": "Mushrooms", "households": [household]},
        ),
        201,
    ).headers["Location"]
    session = ok(
        lead.call(
            "POST",
            f"{cohort}/sessions",
            {"held_on": "2026-12-01", "duration_minutes": 480, "kind": "practice"},
        ),
        201,
    ).json()["id"]
    ok(
        lead.call(
            "PUT",
            f"{cohort}/sessions/{session}/attendance",
            {"attendance": [{"household_id": household, "present": True}]},
        )
    )
    current = lead.call("GET", cohort)
    ok(lead.call("POST", f"{cohort}/completion", {}, etag=current.headers["ETag"]))


def test_one_household_walks_from_target_to_graduated(world):
    coordinator, leader, expert = world["coordinator"], world["leader"], world["expert"]
    hid = ok(coordinator.call("POST", "/api/v1/households", household_body()), 201).json()["id"]
    targeted = ok(
        coordinator.call("POST", "/api/v1/targeting", {"area_code": TAMBON, "survey_year": 2026})
    )
    assert targeted.json()["targeted"] == 1 and stage_of(coordinator, hid) == "target"

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
    visible = wait_for(
        lambda: leader.call("GET", f"/api/v1/households/{hid}").status_code == 200
        and leader.call("GET", f"/api/v1/households/{hid}"),
        what="the assignment",
    )
    assert visible.json()["members"][0]["national_id"].startswith("x-")

    consent = ok(
        leader.call(
            "POST",
            f"/api/v1/households/{hid}/consent",
            {"informed": True, "consented": True},
            etag=visible.headers["ETag"],
        )
    )
    assert consent.json()["stage"] == "compass"

    plan = ok(
        coordinator.call(
            "PUT",
            f"/api/v1/households/{hid}/plan",
            {
                "problems": ["debt"],
                "needs": ["steady income"],
                "livelihood": "mushroom farming",
                "goals": [
                    {
                        "capital": "economic",
                        "description": "income",
                        "baseline": "10,000",
                        "target": "40,000",
                    }
                ],
                "requested_support": [],
            },
        )
    )
    current = ok(leader.call("GET", f"/api/v1/households/{hid}/plan"))  # as a phone reads it
    assert current.headers["ETag"] == plan.headers["ETag"] and current.json()["status"] == "draft"
    submitted = ok(
        coordinator.call(
            "POST", f"/api/v1/households/{hid}/plan/submission", {}, etag=current.headers["ETag"]
        )
    )
    own = coordinator.call(
        "POST", f"/api/v1/households/{hid}/plan/approval", {}, etag=submitted.headers["ETag"]
    )
    assert own.status_code == 403  # a coordinator may not approve
    ok(
        expert.call(
            "POST", f"/api/v1/households/{hid}/plan/approval", {}, etag=submitted.headers["ETag"]
        )
    )
    assert stage_of(leader, hid) == "manage"

    training = ok(
        coordinator.call(
            "POST",
            f"/api/v1/households/{hid}/interventions",
            {"kind": "livelihood_training", "description": "mushroom course"},
        ),
        201,
    ).json()
    in_kind = ok(
        coordinator.call(
            "POST",
            f"/api/v1/households/{hid}/interventions",
            {"kind": "in_kind", "description": "spawn bags"},
        ),
        201,
    )
    path = f"/api/v1/households/{hid}/interventions/{in_kind.json()['id']}"
    accepted = ok(
        coordinator.call("PATCH", path, {"status": "accepted"}, etag=in_kind.headers["ETag"])
    )
    ok(
        coordinator.call(
            "PATCH", path, {"status": "done", "outcome": "delivered"}, etag=accepted.headers["ETag"]
        )
    )
    train(world, hid)

    def closed():
        items = leader.call("GET", f"/api/v1/households/{hid}/interventions").json()["items"]
        return {i["id"]: i["status"] for i in items}.get(training["id"]) == "done"

    wait_for(closed, what="training_completed to close the training intervention")

    case = leader.call("GET", f"/api/v1/households/{hid}")
    moved = ok(
        coordinator.call(
            "POST",
            f"/api/v1/households/{hid}/stage",
            {"to_stage": "care", "reason": "support delivered"},
            etag=case.headers["ETag"],
        )
    )
    assert moved.json()["stage"] == "care"
    now = datetime.now(UTC)
    for days_ago in (40, 10):
        ok(
            leader.call(
                "POST",
                f"/api/v1/households/{hid}/visits",
                {
                    "visited_at": (now - timedelta(days=days_ago)).isoformat(),
                    "notes": "selling",
                    "wellbeing": 4,
                    "annual_income_thb": "150000.00",
                },
            ),
            201,
        )
    view = ok(leader.call("GET", f"/api/v1/households/{hid}/case")).json()
    assert view["household"]["stage"] == "graduated"
    assert view["plan"]["status"] == "approved" and len(view["latest_visits"]) == 2
    stages = [
        t["to_stage"] for t in leader.call("GET", f"/api/v1/households/{hid}").json()["transitions"]
    ]
    assert stages == ["target", "compass", "manage", "care", "graduated"]


HEADER = (
    "village_code,house_no,head_national_id,head_first_name,head_last_name,head_birth_date,"
    "head_sex,household_size,annual_income_thb,failed_indicators"
)


def csv_of(rows):
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def send_file(client, body, key=None, **params):
    """The upload as a phone or a browser sends it: the file itself as the request body (with
    an Idempotency-Key when `key` is given, as a client that may resend it does)."""
    headers = {"Authorization": f"Bearer {client.token}", "Content-Type": "text/csv"}
    headers |= {"Idempotency-Key": key} if key else {}
    return requests.post(
        f"{client.url}/api/v1/household-imports",
        data=body,
        params=params,
        headers=headers,
        timeout=60,
    )


def test_a_bmn_file_sent_with_an_idempotency_key_is_read_whole_and_imported_once(world):
    """The key's fingerprint reads the upload first: the import must still get every byte (it
    once got none and answered "the file is empty"), and a resend answers the same import."""
    coordinator, key = world["coordinator"], uuid.uuid4().hex
    head = national_id(random.randrange(10**9, 10**10))
    body = csv_of([f"{VILLAGE},14,{head},Somjai,Dee,2500-01-01,หญิง,3,30000,7"])
    first = send_file(coordinator, body, key, survey_year=2026, format="csv")
    assert first.status_code == 202, first.text
    done = wait_for(
        lambda: (p := coordinator.call("GET", first.headers["Location"]).json())["status"]
        in ("done", "failed")
        and p,
        what="the import to finish",
    )
    assert (done["status"], done["accepted"], done["rejected"]) == ("done", 1, 0)
    again = send_file(coordinator, body, key, survey_year=2026, format="csv")
    assert again.status_code == 202 and again.headers.get("Idempotent-Replayed") == "true"
    assert again.headers["Location"] == first.headers["Location"]


def test_a_bmn_file_imports_good_rows_reports_bad_ones_and_repeats_harmlessly(world):
    coordinator = world["coordinator"]
    template = coordinator.call("GET", "/api/v1/household-imports/template", format="csv")
    assert template.status_code == 200 and template.content.startswith(b"\xef\xbb\xbf")
    head = national_id(random.randrange(10**9, 10**10))
    good = f"{VILLAGE},12,{head},Somsri,Dee,2500-01-01,หญิง,4,40000,7"
    bad = f"{VILLAGE},13,1101700230705,Somsak,Dee,1970-01-01,ชาย,4,40000,7"

    def upload(body):
        answer = send_file(coordinator, body, survey_year=2026, format="csv", file_name="bmn.csv")
        assert answer.status_code == 202, answer.text
        location = answer.headers["Location"]
        return wait_for(
            lambda: (p := coordinator.call("GET", location).json())["status"] in ("done", "failed")
            and p,
            what="the import to finish",
        )

    first = upload(csv_of([good, bad]))
    assert (first["status"], first["accepted"], first["rejected"]) == ("done", 1, 1)
    assert [(e["row"], e["field"]) for e in first["errors"]] == [(3, "head_national_id")]
    again = upload(csv_of([good]))
    assert (again["accepted"], again["unchanged"], again["status"]) == (0, 1, "done")
    listed = coordinator.call("GET", "/api/v1/households", area=VILLAGE, limit=200).json()["items"]
    (imported,) = [h for h in listed if h.get("house_no") == "12"]
    assert_teams_and_notifications_heard_of_the_import(world, imported["id"], [first, again])


def assert_teams_and_notifications_heard_of_the_import(world, household_id, imports):
    """The import's households_imported event reaches teams (the household can be assigned), and
    each import's end one summary in the coordinator's inbox (not one per batch or household)."""
    body = {"household_id": household_id, "team_id": world["team"]}
    assigned = wait_for(
        lambda: (a := world["supervisor"].call("POST", "/api/v1/assignments", body)).status_code
        == 201
        and a,
        what="teams to know the imported household",
    )
    assert assigned.json()["team_id"] == world["team"]

    ids = sorted(i["id"] for i in imports)

    def summaries():  # of these imports (the coordinator may have made others)
        inbox = world["coordinator"].call("GET", "/api/v1/notifications").json()["items"]
        kind = "household_import_finished"
        told = [n["subject_id"] for n in inbox if n["kind"] == kind and n["subject_id"] in ids]
        return len(told) >= len(imports) and told

    told = wait_for(summaries, what="one summary per import")
    assert sorted(told) == ids


def test_bad_input_is_refused_naming_the_field_and_nothing_changes(world):
    coordinator = world["coordinator"]
    wrong = household_body()
    wrong["members"][0]["national_id"] = "1101700230705"
    assert fields_of(coordinator.call("POST", "/api/v1/households", wrong)) == [
        "members.0.national_id"
    ]
    unknown = {**household_body(), "village_code": "24019901"}
    assert fields_of(coordinator.call("POST", "/api/v1/households", unknown)) == ["village_code"]
    negative = {**household_body(), "annual_income_thb": "-5"}
    assert fields_of(coordinator.call("POST", "/api/v1/households", negative)) == [
        "annual_income_thb"
    ]
    hid = ok(coordinator.call("POST", "/api/v1/households", household_body()), 201).json()["id"]
    current = coordinator.call("GET", f"/api/v1/households/{hid}")
    jump = coordinator.call(
        "POST",
        f"/api/v1/households/{hid}/stage",
        {"to_stage": "graduated", "reason": "x"},
        etag=current.headers["ETag"],
    )
    assert jump.status_code == 409 and "allowed" in jump.json()
    recount = {"size": 5, "reason": "recount"}
    stale = coordinator.call("PATCH", f"/api/v1/households/{hid}", recount, etag='"99"')
    assert stale.status_code == 412
    garbage = send_file(
        coordinator, bytes(range(256)) * 40960, survey_year=2026, format="csv", file_name="x.csv"
    )
    assert garbage.status_code == 422 and fields_of(garbage) == ["file"]
    empty = send_file(coordinator, b"", survey_year=2026, format="csv", file_name="x.csv")
    assert empty.status_code == 422
    assert coordinator.call("GET", f"/api/v1/households/{hid}").json()["version"] == 1
