"""The walking skeleton over HTTP: health, the household -> notification slice, and bad input."""

import json

import pytest
import requests

from tests.integration.helpers import household_payload, national_id
from tests.support.waiting import wait_for

PROBLEM = "application/problem+json"


def post(system, path, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    headers.setdefault("Content-Type", "application/json")
    headers.setdefault("Authorization", f"Bearer {system.admin_token}")
    return requests.post(f"{system.url}{path}", data=data, headers=headers, timeout=10)


def get(system, path, token=None, **params):
    headers = {"Authorization": f"Bearer {token or system.admin_token}"}
    return requests.get(f"{system.url}{path}", params=params, headers=headers, timeout=10)


COORDINATOR_PASSWORD = "coordinator passphrase 42"


@pytest.fixture(scope="module")
def coordinator_token(system):
    """A sub-district coordinator over tambon 240101: household news there reaches their inbox."""
    person = {
        "username": "coordinator.240101",
        "display_name": "Coordinator",
        "roles": ["subdistrict_coordinator"],
        "areas": ["240101"],
        "password": COORDINATOR_PASSWORD,
    }
    assert post(system, "/api/v1/people", person).status_code == 201
    token = system.token("coordinator.240101", COORDINATOR_PASSWORD)
    wait_for(
        lambda: get(system, "/api/v1/me/preferences", token).status_code == 200,
        what="notifications to learn of the coordinator",
    )
    return token


def problem_fields(response):
    assert response.headers["Content-Type"] == PROBLEM
    return {error["field"] for error in response.json().get("errors", [])}


def test_api_routes_need_a_token(system):
    response = requests.get(f"{system.url}/api/v1/notifications", timeout=10)
    assert response.status_code == 401 and response.headers["Content-Type"] == PROBLEM
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_health_reports_every_service_and_the_broker(system):
    response = system.health()
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "services": {"households": "ok", "teams": "ok", "funding": "ok", "notifications": "ok"},
        "broker": "ok",
    }


def test_a_registered_household_is_readable_and_notified_with_one_correlation_id(
    system, coordinator_token
):
    created = post(
        system,
        "/api/v1/households",
        household_payload(seed=101),
        **{"X-Request-ID": "e2e-slice-101"},
    )
    assert created.status_code == 201, created.text
    assert created.headers["X-Request-ID"] == "e2e-slice-101"
    household = created.json()
    assert created.headers["Location"] == f"/api/v1/households/{household['id']}"
    assert household["version"] == 1

    read = get(system, created.headers["Location"])
    assert read.status_code == 200
    assert read.json()["members"][0]["national_id"] == national_id(101)  # administrators see IDs

    def notification():
        items = get(system, "/api/v1/notifications", coordinator_token).json()["items"]
        return [n for n in items if n["subject_id"] == household["id"]]

    assert wait_for(notification, what="the notification")[0]["kind"] == "household_registered"
    applied = [
        json.loads(line)
        for line in (system.logs / "notifications.log").read_text().splitlines()
        if "event.applied" in line
    ]
    assert "e2e-slice-101" in {line.get("correlation_id") for line in applied}


def test_bad_input_gets_problems_naming_the_fields_and_changes_nothing(system, coordinator_token):
    def inbox_size():
        return len(
            get(system, "/api/v1/notifications", coordinator_token, limit=200).json()["items"]
        )

    before = inbox_size()
    malformed = post(system, "/api/v1/households", "{not json")
    assert malformed.status_code == 400 and problem_fields(malformed) == {"body"}
    missing = post(system, "/api/v1/households", {"members": [{"first_name": "A"}]})
    assert missing.status_code == 422
    assert problem_fields(missing) == {
        "village_code",
        "members.0.last_name",
        "members.0.national_id",
        "members.0.is_head",
    }
    bad_id = household_payload(seed=102)
    bad_id["members"][0]["national_id"] = national_id(102)[:-1] + "0"
    if bad_id["members"][0]["national_id"] == national_id(102):
        bad_id["members"][0]["national_id"] = national_id(102)[:-1] + "1"
    wrong_digit = post(system, "/api/v1/households", bad_id)
    assert wrong_digit.status_code == 422 and problem_fields(wrong_digit) == {
        "members.0.national_id"
    }
    as_text = post(system, "/api/v1/households", "x", **{"Content-Type": "text/plain"})
    assert as_text.status_code == 415 and as_text.headers["Content-Type"] == PROBLEM
    huge = post(system, "/api/v1/households", "[" + "1," * 600_000 + "1]")
    assert huge.status_code == 413 and huge.headers["Content-Type"] == PROBLEM
    missing_household = get(system, "/api/v1/households/00000000-0000-0000-0000-000000000000")
    assert missing_household.status_code == 404
    assert inbox_size() == before


def test_the_same_person_cannot_join_two_households(system):
    assert post(system, "/api/v1/households", household_payload(seed=103)).status_code == 201
    again = post(system, "/api/v1/households", household_payload(seed=103, village_code="24010102"))
    assert again.status_code == 409 and problem_fields(again) == {"members.0.national_id"}


def test_no_national_id_reaches_the_logs(system):
    for seed in (101, 102, 103):
        assert national_id(seed) not in system.log_text()


def test_health_names_a_service_that_is_down_then_recovers(system):
    system.stop("funding")
    try:
        response = system.health()
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable" and body["services"]["funding"] == "timeout"
        assert body["services"]["households"] == "ok" and body["broker"] == "ok"
    finally:
        system.start("funding")
    system.wait_until_healthy()
