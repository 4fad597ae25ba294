"""Each bad input is a clear 4xx error naming the field, and nothing changes."""

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.households.db.tables import households, metadata, plans
from services.households.service import HouseholdsService
from tests.integration.households.support import (
    ADMIN,
    COORDINATOR,
    EXPERT,
    LEADER,
    SUPERVISOR,
    call,
    caller,
    household,
    member,
    rows,
)

OUTBOX = metadata.tables["outbox"]


@pytest.fixture
def service(migrated, start_service):
    start_service(HouseholdsService, migrated)
    return migrated


def two_heads():
    return [member(1), member(2)]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"members": [member(1, national_id="1101700230705")]}, "members.0.national_id"),
        ({"village_code": "99999901"}, "village_code"),
        ({"village_code": "2401010"}, "village_code"),
        ({"annual_income_thb": "-1.00"}, "annual_income_thb"),
        ({"annual_income_thb": "plenty"}, "annual_income_thb"),
        ({"members": [member(1, head=False)]}, "members"),
        ({"members": two_heads()}, "members"),
    ],
)
def test_a_bad_household_is_refused_naming_the_field(service, change, field):
    with pytest.raises(ValidationFailed) as refused:
        call(service, "register_household", COORDINATOR, household(1, **change))
    assert field in {e.field for e in refused.value.errors}
    assert "1101700230705" not in str(refused.value)
    assert rows(service, households) == [] and rows(service, OUTBOX) == []


def test_the_same_person_cannot_sit_in_two_households(service):
    call(service, "register_household", COORDINATOR, household(1))
    with pytest.raises(Conflict) as refused:
        call(service, "register_household", COORDINATOR, household(1))
    assert refused.value.errors[0].field == "members.0.national_id"
    assert len(rows(service, households)) == 1


def targeted(service):
    hid = call(service, "register_household", COORDINATOR, household(1, income="30000.00"))["id"]
    call(service, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026})
    return call(service, "get_household", COORDINATOR, hid)


def test_an_illegal_stage_jump_names_the_allowed_moves(service):
    case = targeted(service)
    with pytest.raises(Conflict) as refused:
        call(
            service,
            "change_stage",
            COORDINATOR,
            case["id"],
            {"to_stage": "care", "reason": "skip"},
            case["version"],
        )
    assert refused.value.extra["allowed"] == ["moved", "deceased", "merged"]
    assert call(service, "get_household", COORDINATOR, case["id"]) == case


def test_a_stale_version_is_refused(service):
    case = targeted(service)
    consent = {"informed": True, "consented": True}
    with pytest.raises(PreconditionFailed) as refused:
        call(service, "record_consent", COORDINATOR, case["id"], consent, case["version"] - 1)
    assert refused.value.extra["current_version"] == case["version"]
    assert call(service, "get_household", COORDINATOR, case["id"]) == case


def submitted_plan(service, submitter):
    case = targeted(service)
    call(
        service,
        "record_consent",
        COORDINATOR,
        case["id"],
        {"informed": True, "consented": True},
        case["version"],
    )
    goal = {"capital": "human", "description": "skills", "baseline": "none", "target": "a trade"}
    plan = call(service, "save_plan", submitter, case["id"], {"goals": [goal]})
    return case["id"], call(service, "submit_plan", submitter, case["id"], {}, plan["version"])


def test_a_plan_is_not_approved_by_its_submitter_nor_without_the_role(service):
    hid, plan = submitted_plan(service, EXPERT)
    for who in (EXPERT, COORDINATOR, ADMIN):
        with pytest.raises(Forbidden):
            call(service, "approve_plan", who, hid, {}, plan["version"])
    assert [p.status for p in rows(service, plans)] == ["submitted"]
    approved = call(service, "approve_plan", SUPERVISOR, hid, {}, plan["version"])
    assert approved["status"] == "approved"


def test_outside_ones_reach_a_household_does_not_exist(service):
    case = targeted(service)
    elsewhere = caller(Role.DISTRICT_SUPERVISOR, areas=("2402",))
    trainer = caller(Role.TRAINER)
    for who in (elsewhere, trainer, LEADER):  # LEADER's team is not assigned to it
        with pytest.raises(NotFound):
            call(service, "get_household", who, case["id"])
    assert call(service, "list_households", elsewhere, {})["items"] == []
    with pytest.raises(Forbidden):
        call(
            service,
            "record_consent",
            SUPERVISOR,
            case["id"],
            {"informed": True, "consented": True},
            case["version"],
        )
    full = call(service, "get_household", COORDINATOR, case["id"])["members"][0]["national_id"]
    masked = call(service, "get_household", SUPERVISOR, case["id"])["members"][0]["national_id"]
    assert len(full) == 13 and masked.startswith("x-xxxx-xxxxx-")
