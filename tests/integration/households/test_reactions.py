"""Other services' events: a duplicate or out-of-date delivery changes nothing."""

from services.households.db.tables import metadata
from services.households.service import HouseholdsService
from tests.integration.helpers import publish_event
from tests.integration.households.support import (
    COORDINATOR,
    TEAM,
    call,
    case_in_manage,
    event,
    household,
    rows,
)
from tests.support.waiting import wait_for

INBOX = metadata.tables["inbox"]


def test_a_duplicate_or_older_assignment_changes_nothing(migrated, start_service, amqp_uri):
    start_service(HouseholdsService, migrated)
    hid = call(migrated, "register_household", COORDINATOR, household(1))["id"]
    later = event(
        "teams",
        "household_reassigned",
        household_id=hid,
        from_team_id=TEAM,
        to_team_id="team-2",
        reassigned_at="2026-11-22T03:00:00+00:00",
    )
    publish_event(amqp_uri, later)
    wait_for(
        lambda: call(migrated, "get_household", COORDINATOR, hid)["team_id"] == "team-2",
        what="the reassignment",
    )  # then the assignment it follows arrives late, twice
    assigned = event(
        "teams",
        "household_assigned",
        household_id=hid,
        team_id=TEAM,
        assigned_at="2026-11-21T03:00:00+00:00",
    )
    publish_event(amqp_uri, assigned)
    publish_event(amqp_uri, assigned)
    wait_for(lambda: len(rows(migrated, INBOX)) == 2, what="both distinct events handled")
    case = call(migrated, "get_household", COORDINATOR, hid)
    assert case["team_id"] == "team-2"
    assert case["version"] == 2  # the older assignment and the duplicate changed nothing


def test_a_written_off_loan_ends_its_funding_intervention(migrated, start_service, amqp_uri):
    start_service(HouseholdsService, migrated)
    hid = case_in_manage(migrated, 7)
    loan = {"amount_thb": "9000.00", "purpose": "rice seed", "term_months": 12}
    asked = {"kind": "funding_access", "description": "loan", "funding": loan}
    item = call(migrated, "request_intervention", COORDINATOR, hid, asked)
    ids = {"loan_id": "loan-7", "group_id": "g1", "member_id": "m1", "household_id": hid}
    disbursed = event(
        "funding",
        "loan_disbursed",
        **ids,
        intervention_id=item["id"],
        village_code="24010101",
        amount_thb="9000.00",
        disbursed_at="2026-11-21T03:00:00+00:00",
    )
    written_off = event(
        "funding",
        "loan_written_off",
        **ids,
        village_code="24010101",
        amount_thb="4000.00",
        written_off_at="2026-11-22T03:00:00+00:00",
        written_off_on="2026-11-22",
    )
    for each in (written_off, disbursed, written_off):  # early, then in order, then again
        publish_event(amqp_uri, each)

    def funding_item() -> dict:
        items = call(migrated, "list_interventions", COORDINATOR, hid)["items"]
        return next(i for i in items if i["id"] == item["id"])

    ended = wait_for(lambda: (i := funding_item())["status"] == "done" and i, what="the end")
    assert (ended["outcome"], ended["loan_id"]) == ("loan written off", "loan-7")
    wait_for(lambda: len(rows(migrated, INBOX)) == 2, what="both distinct events handled")
    assert funding_item()["version"] == ended["version"]  # the duplicate changed nothing
