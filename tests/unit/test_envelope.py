import pytest
from marshmallow import Schema, fields

from infra.envelope import Envelope, EventContract, UnprocessableEvent, read_event


class Data(Schema):
    household_id = fields.UUID(required=True)


CONTRACT = EventContract("household_registered", 1, Data, example={"household_id": "x"})
HOUSEHOLD = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10"


def envelope(**changes):
    return {
        **Envelope("household_registered", {"household_id": HOUSEHOLD}, "households").to_dict(),
        **changes,
    }


def test_a_valid_envelope_is_read_and_unknown_fields_are_dropped():
    event = read_event(
        envelope(data={"household_id": HOUSEHOLD, "extra": 1}, new_field=2), {1: Data}
    )
    assert event.event_type == "household_registered" and event.source == "households"
    assert event.data == {"household_id": __import__("uuid").UUID(HOUSEHOLD)}


def test_an_unknown_version_cannot_be_processed():
    with pytest.raises(UnprocessableEvent, match="version 2"):
        read_event(envelope(version=2), {1: Data})


@pytest.mark.parametrize(
    "payload", [None, "text", {"event_type": "x"}, envelope(data={"household_id": 5})]
)
def test_malformed_envelopes_cannot_be_processed(payload):
    with pytest.raises(UnprocessableEvent):
        read_event(payload, {1: Data})


def test_a_contract_refuses_data_that_breaks_it():
    assert CONTRACT.serialise({"household_id": HOUSEHOLD}) == {"household_id": HOUSEHOLD}
    with pytest.raises(ValueError, match="breaks its contract"):
        CONTRACT.serialise({})
