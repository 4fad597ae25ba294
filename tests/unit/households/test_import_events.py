"""What a BMN import writes to the outbox: the contracts' own shapes, built without marshmallow."""

import json
import uuid
from datetime import datetime

import pytest

from services.households.db.ids import time_ordered_ids
from services.households.db.import_events import import_events, registered_data
from services.households.events import HOUSEHOLD_REGISTERED, HOUSEHOLDS_IMPORTED
from services.households.imports.rows import RowChecker
from services.households.settings import Settings
from tests.unit.households.test_imports import HEADER, ROW

STAMP = "2026-11-21T03:00:00+00:00"
IMPORT = "7a1c2e3d-4b5f-4a6e-8d9c-0b1a2c3d4e5f"


def pairs(*villages):
    checker = RowChecker(HEADER, None)
    rows = [checker.check(n, [village, *ROW[1:]]) for n, village in enumerate(villages, 2)]
    return list(zip(time_ordered_ids(len(rows)), rows, strict=True))


def batch(correlation_id=None):
    return {"import_id": IMPORT, "survey_year": 2026, "correlation_id": correlation_id}


def test_the_registered_data_is_what_the_contract_publishes():
    ((hid, row),) = pairs("24010101")
    data = registered_data(hid, row, STAMP)
    assert HOUSEHOLD_REGISTERED.schema().validate(data) == {}
    typed = {**data, "registered_at": datetime.fromisoformat(STAMP)}
    assert HOUSEHOLD_REGISTERED.serialise(typed) == data


@pytest.mark.parametrize("correlation_id", [None, "abc-123.x:y"])
def test_per_household_payloads_are_the_envelopes_the_relay_expects(correlation_id):
    ((hid, row),) = household = pairs("24010101")
    ((event_id, kind, payload),) = import_events(
        "per_household", household, batch(correlation_id), STAMP
    )
    assert kind == "household_registered"
    assert json.loads(payload) == {
        "event_type": "household_registered",
        "source": "households",
        "version": 1,
        "correlation_id": correlation_id,
        "event_id": event_id,
        "occurred_at": STAMP,
        "data": registered_data(hid, row, STAMP),
    }


@pytest.mark.parametrize("correlation_id", [None, "c-1"])
def test_per_tambon_one_event_lists_each_tambons_new_households(correlation_id):
    written = pairs("24010101", "24010203", "24010105", "24020101")
    events = import_events("per_tambon", written, batch(correlation_id), STAMP)
    envelopes = [json.loads(payload) for _, _, payload in events]
    assert [e["data"]["tambon_code"] for e in envelopes] == ["240101", "240102", "240201"]
    assert [len(e["data"]["households"]) for e in envelopes] == [2, 1, 1]
    assert {h["household_id"] for e in envelopes for h in e["data"]["households"]} == {
        hid for hid, _ in written
    }
    for (event_id, kind, _), envelope in zip(events, envelopes, strict=True):
        assert kind == envelope["event_type"] == "households_imported"
        assert envelope["event_id"] == event_id and envelope["correlation_id"] == correlation_id
        assert (envelope["source"], envelope["version"], envelope["occurred_at"]) == (
            "households",
            1,
            STAMP,
        )
        data = envelope["data"]
        assert HOUSEHOLDS_IMPORTED.schema().validate(data) == {}
        assert HOUSEHOLDS_IMPORTED.serialise(HOUSEHOLDS_IMPORTED.schema().load(data)) == data


def test_time_ordered_ids_are_ascending_unique_version_7_uuids():
    ids = time_ordered_ids(10_000)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {uuid.UUID(i).version for i in ids} == {7}


def test_an_unknown_import_events_setting_is_refused():
    with pytest.raises(ValueError, match="import_events"):
        Settings(import_events="per_row")
