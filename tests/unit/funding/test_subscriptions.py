"""The funding service reads `funding_access_requested` v1 as docs/EVENTS.md describes it.

`tests/unit/test_contracts.py` checks it against the households service's own example once
households publishes the event; until then this is the check against the catalog."""

import pytest
from marshmallow import EXCLUDE

from infra.envelope import Envelope, UnprocessableEvent, read_event
from services.funding.subscriptions import SUBSCRIPTIONS

FUNDING_ACCESS_REQUESTED = SUBSCRIPTIONS[("households", "funding_access_requested")]

CATALOG_EXAMPLE = {
    "household_id": "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10",
    "intervention_id": "c4e6a8b0-1d3f-4a5c-9e7b-2d4f6a8c0e1b",
    "village_code": "24010101",
    "amount_thb": "15000.00",
    "purpose": "buy piglets",
    "term_months": 12,
    "applicant_first_name": "Somchai",
    "applicant_last_name": "Dee",
    "requested_at": "2026-11-21T03:00:00+00:00",
    "team_id": "added later: unknown fields are ignored",
}


def test_the_catalog_shape_is_read():
    schema = SUBSCRIPTIONS[("households", "funding_access_requested")][1]
    assert schema(unknown=EXCLUDE).validate(CATALOG_EXAMPLE) == {}
    event = read_event(
        Envelope("funding_access_requested", CATALOG_EXAMPLE, "households").to_dict(),
        FUNDING_ACCESS_REQUESTED,
    )
    assert str(event.data["amount_thb"]) == "15000.00" and event.data["term_months"] == 12


def test_a_request_with_an_amount_that_cannot_be_booked_is_unprocessable():
    for amount in ("0", "-100.00", "100.005"):
        bad = {**CATALOG_EXAMPLE, "amount_thb": amount}
        envelope = Envelope("funding_access_requested", bad, "households").to_dict()
        with pytest.raises(UnprocessableEvent, match="amount_thb"):
            read_event(envelope, FUNDING_ACCESS_REQUESTED)
