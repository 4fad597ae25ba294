"""The funding-access flow over the real broker: households asks, funding routes the request to a
savings group in the household's area, the committee accepts, and membership, the loan and its
repayments go back out as events."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from nameko.exceptions import RemoteError

from infra.envelope import Envelope
from infra.errors import ValidationFailed, from_remote
from services.funding.service import FundingService
from tests.integration.funding.desk import ADMIN, officer, rules
from tests.integration.helpers import drain, publish_event, rpc, tap
from tests.support.databases import upgrade
from tests.support.waiting import wait_for


@pytest.fixture
def funding(config, start_service):
    upgrade(config, ["funding"])
    start_service(FundingService, config)
    return config


def requested(village_code: str, **changes: Any) -> dict[str, Any]:
    data = {
        "household_id": str(uuid.uuid4()),
        "intervention_id": str(uuid.uuid4()),
        "village_code": village_code,
        "amount_thb": "3000.00",
        "purpose": "a pig pen",
        "term_months": 6,
        "applicant_first_name": "Boonmee",
        "applicant_last_name": "Jaidee",
        "requested_at": "2026-11-20T02:00:00+00:00",
        **changes,
    }
    return Envelope("funding_access_requested", data, "households").to_dict()


class Events:
    """What funding has published so far, read from a tap on its exchange."""

    def __init__(self, amqp_uri: str) -> None:
        self.amqp_uri, self.queue, self.seen = amqp_uri, tap(amqp_uri, "funding"), []

    def wait(self, event_type: str, count: int = 1) -> list[dict[str, Any]]:
        def arrived() -> list[dict[str, Any]]:
            self.seen += drain(self.amqp_uri, self.queue)
            found = [e for e in self.seen if e["event_type"] == event_type]
            return found if len(found) >= count else []

        return wait_for(arrived, what=f"{count} {event_type}")


def test_a_household_gets_funding_access_a_loan_and_repays_it(funding, amqp_uri):
    maker, checker = officer(), officer()
    admin, make, check = ADMIN.to_dict(), maker.to_dict(), checker.to_dict()
    committee = [
        {"person_id": maker.person_id, "role": "treasurer"},
        {"person_id": checker.person_id, "role": "chair"},
    ]
    payload = {"name": "Ban Na", "village_code": "24010101", "committee": committee}
    group = rpc(funding, "funding", "create_group", admin, {**payload, "rules": rules()})
    events = Events(amqp_uri)

    asked = requested("24010105")  # another village of the same tambon
    publish_event(amqp_uri, asked)
    publish_event(amqp_uri, asked)  # delivered twice: one request
    household_id = asked["data"]["household_id"]
    pending = wait_for(
        lambda: rpc(funding, "funding", "list_funding_requests", make, group["id"], {})["items"],
        what="the routed request",
    )
    assert [(r["household_id"], r["status"]) for r in pending] == [(household_id, "pending")]

    decided = rpc(
        funding,
        "funding",
        "decide_funding_request",
        make,
        pending[0]["id"],
        {"decision": "accept"},
        pending[0]["version"],
    )
    granted = events.wait("funding_access_granted")[0]["data"]
    assert granted == {
        "household_id": household_id,
        "intervention_id": asked["data"]["intervention_id"],
        "group_id": group["id"],
        "member_id": decided["member_id"],
        "village_code": "24010105",
    }

    member_id = decided["member_id"]
    rpc(funding, "funding", "deposit", make, member_id, {"amount_thb": "2000.00"})
    saver = {"first_name": "Somchai", "last_name": "Dee"}
    saver = rpc(funding, "funding", "add_member", make, group["id"], saver)
    rpc(funding, "funding", "deposit", make, saver["id"], {"amount_thb": "2000.00"})
    loan = rpc(
        funding,
        "funding",
        "apply_for_loan",
        make,
        member_id,
        {
            "amount_thb": "3000.00",
            "term_months": 6,
            "purpose": "a pig pen",
            "funding_request_id": decided["id"],
        },
    )
    rpc(funding, "funding", "approve_loan", check, loan["id"], loan["version"])
    rpc(funding, "funding", "disburse_loan", make, loan["id"], {})
    disbursed = events.wait("loan_disbursed")[0]["data"]
    assert (disbursed["loan_id"], disbursed["household_id"], disbursed["intervention_id"]) == (
        loan["id"],
        household_id,
        asked["data"]["intervention_id"],
    )
    assert disbursed["amount_thb"] == "3000.00"

    rpc(funding, "funding", "repay_loan", make, loan["id"], {"amount_thb": "500.00"})
    repaid = events.wait("loan_repaid")[0]["data"]
    assert (repaid["household_id"], repaid["amount_thb"], repaid["closed"]) == (
        household_id,
        "500.00",
        False,
    )
    assert (
        rpc(funding, "funding", "get_funding_request", make, decided["id"])["loan_id"] == loan["id"]
    )
    assert (
        len(rpc(funding, "funding", "list_funding_requests", admin, group["id"], {})["items"]) == 1
    )


def test_a_household_with_no_group_in_its_district_is_declined(funding, amqp_uri):
    events = Events(amqp_uri)
    asked = requested("24020101")  # Bang Khla: no group there
    publish_event(amqp_uri, asked)
    declined = events.wait("funding_access_declined")[0]["data"]
    assert declined["household_id"] == asked["data"]["household_id"]
    assert declined["reason"] == "no savings group in the household's district"


def test_rpc_errors_keep_the_line_and_field_they_name(funding):
    maker = officer()
    committee = [{"person_id": maker.person_id, "role": "treasurer"}]
    payload = {"name": "Ban Na", "village_code": "24010101", "committee": committee}
    group = rpc(funding, "funding", "create_group", ADMIN.to_dict(), {**payload, "rules": rules()})
    member = rpc(
        funding,
        "funding",
        "add_member",
        maker.to_dict(),
        group["id"],
        {"first_name": "Malee", "last_name": "Suksai"},
    )
    sheet = {
        "client_key": "phone-7",
        "meeting_on": None,
        "lines": [
            {"kind": "deposit", "member_id": member["id"], "amount_thb": "100.00"},
            {"kind": "deposit", "member_id": member["id"], "amount_thb": "100.005"},
        ],
    }
    with pytest.raises(RemoteError) as remote:
        rpc(funding, "funding", "post_collection_sheet", maker.to_dict(), group["id"], sheet)
    refused = from_remote(remote.value.exc_type, remote.value.value)
    assert isinstance(refused, ValidationFailed)
    assert [e.field for e in refused.errors] == ["meeting_on", "lines.1.amount_thb"]
    got = rpc(funding, "funding", "get_member", maker.to_dict(), member["id"])
    assert got["savings_thb"] == "0.00"
