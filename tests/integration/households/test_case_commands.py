"""Plans returned and revised, resendable commands, and leaving the registry."""

import pytest

from infra.errors import Conflict, ValidationFailed
from services.households.db.tables import metadata
from services.households.service import HouseholdsService
from tests.integration.households.support import (
    COORDINATOR,
    EXPERT,
    SUPERVISOR,
    call,
    household,
    rows,
)

OUTBOX = metadata.tables["outbox"]
GOAL = {"capital": "social", "description": "join a group", "baseline": "none", "target": "one"}


@pytest.fixture
def service(migrated, start_service):
    start_service(HouseholdsService, migrated)
    return migrated


def in_compass(service, seed=1):
    hid = call(service, "register_household", COORDINATOR, household(seed, income="20000.00"))["id"]
    call(service, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026})
    case = call(service, "get_household", COORDINATOR, hid)
    consent = {"informed": True, "consented": True}
    return call(service, "record_consent", COORDINATOR, hid, consent, case["version"])


def test_a_returned_plan_is_revised_and_an_approved_one_opens_the_next_version(service):
    hid = in_compass(service)["id"]
    plan = call(service, "save_plan", COORDINATOR, hid, {"goals": [GOAL]})
    plan = call(service, "submit_plan", COORDINATOR, hid, {}, plan["version"])
    returned = call(
        service,
        "return_plan",
        EXPERT,
        hid,
        {"reason": "no baseline income"},
        plan["version"],
    )
    assert (returned["status"], returned["decision_reason"]) == ("returned", "no baseline income")
    plan = call(
        service,
        "save_plan",
        COORDINATOR,
        hid,
        {"goals": [GOAL], "livelihood": "rice"},
        returned["version"],
    )
    plan = call(service, "submit_plan", COORDINATOR, hid, {}, plan["version"])
    approved = call(service, "approve_plan", SUPERVISOR, hid, {}, plan["version"])
    revised = call(service, "save_plan", COORDINATOR, hid, {"goals": [GOAL], "livelihood": "fish"})
    assert (approved["number"], revised["number"], revised["status"]) == (1, 2, "draft")
    listed = call(service, "list_plans", COORDINATOR, hid)["items"]
    assert [(p["number"], p["status"], p["livelihood"]) for p in listed] == [
        (1, "approved", "rice"),
        (2, "draft", "fish"),
    ]
    events = [r.event_type for r in rows(service, OUTBOX)]
    assert events.count("plan_returned") == 1 and events.count("plan_approved") == 1


def test_resent_visits_and_requests_are_recorded_once(service):
    hid = in_compass(service)["id"]
    plan = call(service, "save_plan", COORDINATOR, hid, {"goals": [GOAL]})
    plan = call(service, "submit_plan", COORDINATOR, hid, {}, plan["version"])
    call(service, "approve_plan", EXPERT, hid, {}, plan["version"])
    ask = {
        "kind": "referral",
        "description": "health check",
        "agency": "Tambon hospital",
        "client_key": "phone-1-request-1",
    }
    first = call(service, "request_intervention", COORDINATOR, hid, ask)
    assert call(service, "request_intervention", COORDINATOR, hid, ask) == first
    visit = {
        "visited_at": "2026-11-20T02:30:00+00:00",
        "notes": "ok",
        "wellbeing": 3,
        "client_key": "phone-1-visit-1",
    }
    logged = call(service, "log_visit", COORDINATOR, hid, visit)
    assert call(service, "log_visit", COORDINATOR, hid, visit) == logged
    for method, changed in (("log_visit", {**visit, "notes": "x"}), ("request_intervention", ask)):
        with pytest.raises(Conflict) as reused:  # the key is the household's: one request each
            call(service, method, COORDINATOR, hid, {**changed, "client_key": "phone-1-visit-1"})
        assert [e.field for e in reused.value.errors] == ["client_key"]
    future = {**visit, "visited_at": "2099-01-01T00:00:00+00:00", "client_key": "phone-1-v2"}
    with pytest.raises(ValidationFailed) as refused:
        call(service, "log_visit", COORDINATOR, hid, future)
    assert refused.value.errors[0].field == "visited_at"
    assert len(call(service, "list_visits", COORDINATOR, hid, {})["items"]) == 1
    assert len(call(service, "list_interventions", COORDINATOR, hid)["items"]) == 1
    events = [r.event_type for r in rows(service, OUTBOX)]
    assert events.count("visit_logged") == 1 and events.count("intervention_requested") == 1


def test_a_household_that_moved_frees_its_people_and_a_merge_names_the_other(service):
    case = in_compass(service)
    with pytest.raises(ValidationFailed) as refused:
        call(
            service,
            "change_stage",
            COORDINATOR,
            case["id"],
            {"to_stage": "merged", "reason": "duplicate"},
            case["version"],
        )
    assert refused.value.errors[0].field == "merged_into"
    moved = call(
        service,
        "change_stage",
        COORDINATOR,
        case["id"],
        {"to_stage": "moved", "reason": "to Rayong"},
        case["version"],
    )
    assert moved["stage"] == "moved" and moved["next_visit_due"] is None
    again = call(service, "register_household", COORDINATOR, household(1))
    assert again["id"] != case["id"]
