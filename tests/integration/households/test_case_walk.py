"""One household walks target -> consent -> compass -> manage -> care -> graduated, through the
service's RPC methods, with teams and funding played by events on the real broker.
"""

from datetime import UTC, datetime, timedelta

from services.households.service import HouseholdsService
from tests.integration.helpers import drain, publish_event, rpc, tap
from tests.integration.households.support import (
    COORDINATOR,
    EXPERT,
    LEADER,
    TEAM,
    event,
    household,
)
from tests.support.waiting import wait_for


def call(config, method, *args):
    return rpc(config, "households", method, *args)


def published(amqp_uri, queue, seen):
    seen.extend(drain(amqp_uri, queue))
    return [e["event_type"] for e in seen]


def test_a_household_walks_from_target_to_graduated(migrated, start_service, amqp_uri):
    start_service(HouseholdsService, migrated)
    queue = tap(amqp_uri, "households")
    created = call(migrated, "register_household", COORDINATOR, household(1, income="60000.00"))
    hid = created["id"]
    assert (
        call(
            migrated, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026}
        )["targeted"]
        == 1
    )

    publish_event(
        amqp_uri,
        event(
            "teams",
            "household_assigned",
            household_id=hid,
            team_id=TEAM,
            village_code="24010101",
            assigned_by="p",
            assigned_at="2026-11-21T03:00:00+00:00",
        ),
    )
    wait_for(  # until then the volunteer leader cannot see the household at all
        lambda: call(migrated, "get_household", COORDINATOR, hid)["team_id"] == TEAM,
        what="the team assignment",
    )
    case = call(migrated, "get_household", LEADER, hid)
    assert case["stage"] == "target" and case["members"][0]["national_id"].startswith("x-")

    case = call(
        migrated,
        "record_consent",
        LEADER,
        hid,
        {"informed": True, "consented": True},
        case["version"],
    )
    assert case["stage"] == "compass"

    plan = call(
        migrated,
        "save_plan",
        COORDINATOR,
        hid,
        {
            "problems": ["debt"],
            "needs": ["steady income"],
            "livelihood": "mushroom farming",
            "goals": [
                {
                    "capital": "economic",
                    "description": "income",
                    "baseline": "20,000",
                    "target": "40,000",
                }
            ],
            "requested_support": [
                {"kind": "funding_access", "description": "loan", "amount_thb": "15000.00"}
            ],
        },
    )
    plan = call(migrated, "submit_plan", COORDINATOR, hid, {}, plan["version"])
    plan = call(migrated, "approve_plan", EXPERT, hid, {}, plan["version"])
    assert plan["status"] == "approved"
    assert call(migrated, "get_household", LEADER, hid)["stage"] == "manage"

    call(
        migrated,
        "request_intervention",
        COORDINATOR,
        hid,
        {"kind": "livelihood_training", "description": "mushroom course"},
    )
    funding = call(
        migrated,
        "request_intervention",
        COORDINATOR,
        hid,
        {
            "kind": "funding_access",
            "description": "loan for spawn",
            "funding": {"amount_thb": "15000.00", "purpose": "mushroom spawn", "term_months": 12},
        },
    )
    publish_event(
        amqp_uri,
        event(
            "teams",
            "training_completed",
            household_id=hid,
            cohort_id="c1",
            village_code="24010101",
            occupation="mushrooms",
            completed_at="2026-11-21T03:00:00+00:00",
        ),
    )
    publish_event(
        amqp_uri,
        event(
            "funding",
            "funding_access_granted",
            household_id=hid,
            intervention_id=funding["id"],
            group_id="g1",
            member_id="m1",
            village_code="24010101",
        ),
    )
    publish_event(
        amqp_uri,
        event(
            "funding",
            "loan_disbursed",
            loan_id="loan-1",
            group_id="g1",
            member_id="m1",
            household_id=hid,
            intervention_id=funding["id"],
            village_code="24010101",
            amount_thb="15000.00",
            disbursed_at="2026-11-21T03:00:00+00:00",
        ),
    )

    def statuses():
        items = call(migrated, "list_interventions", LEADER, hid)["items"]
        return {i["kind"]: i["status"] for i in items}

    wait_for(
        lambda: statuses() == {"livelihood_training": "done", "funding_access": "in_progress"},
        what="training done and the loan disbursed",
    )
    case = call(migrated, "get_household", LEADER, hid)
    case = call(
        migrated,
        "change_stage",
        COORDINATOR,
        hid,
        {"to_stage": "care", "reason": "support under way"},
        case["version"],
    )
    assert case["stage"] == "care" and case["next_visit_due"]

    now = datetime.now(UTC)
    for days_ago in (40, 10):
        call(
            migrated,
            "log_visit",
            LEADER,
            hid,
            {
                "visited_at": (now - timedelta(days=days_ago)).isoformat(),
                "notes": "selling mushrooms",
                "wellbeing": 4,
                "annual_income_thb": "150000.00",
            },
        )
    assert call(migrated, "get_household", LEADER, hid)["stage"] == "care"  # the loan is open

    publish_event(
        amqp_uri,
        event(
            "funding",
            "loan_repaid",
            loan_id="loan-1",
            group_id="g1",
            member_id="m1",
            household_id=hid,
            village_code="24010101",
            amount_thb="15000.00",
            outstanding_thb="0.00",
            in_arrears=False,
            closed=True,
            repaid_at="2026-11-21T03:00:00+00:00",
        ),
    )
    case = wait_for(
        lambda: (c := call(migrated, "get_household", LEADER, hid))["stage"] == "graduated" and c,
        what="graduation",
    )
    assert case["monitoring_until"]
    assert [t["to_stage"] for t in case["transitions"]] == [
        "target",
        "compass",
        "manage",
        "care",
        "graduated",
    ]
    seen = []
    wait_for(lambda: "household_graduated" in published(amqp_uri, queue, seen), what="the event")
    assert {
        "household_targeted",
        "consent_recorded",
        "plan_submitted",
        "plan_approved",
        "funding_access_requested",
        "visit_logged",
    } <= set(published(amqp_uri, queue, seen))
