"""How a subscriptions table becomes event handlers (`infra.subscriptions`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from marshmallow import Schema, fields

from infra.batches import Delivery
from infra.envelope import Envelope, UnprocessableEvent
from infra.subscriptions import Subscription, event_and_time, event_only, handlers


class VisitOverdueV1(Schema):
    household_id = fields.String(required=True)
    due_on = fields.Date(required=True)


class FakeService:
    uow = "the unit of work"
    settings = "the settings"
    revocations = "the revocation list"


def _event(**data):
    return [Delivery(Envelope("visit_overdue", data, "households").to_dict())]


def _row(use_case, event_type="visit_overdue", source="households"):
    return Subscription(source, event_type, 1, VisitOverdueV1, use_case)


def test_a_handler_reads_the_event_with_the_rows_schema_and_calls_the_rows_use_case():
    calls = []
    handle = handlers((_row(lambda *args: calls.append(args)),))["on_visit_overdue"]
    assert handle(FakeService(), _event(household_id="h1", due_on="2026-11-30")) == [None]
    [(uow, event, now, settings)] = calls
    assert (uow, settings, event.data["household_id"]) == ("the unit of work", "the settings", "h1")
    assert event.data["due_on"].isoformat() == "2026-11-30"
    assert now.tzinfo is UTC and abs((datetime.now(UTC) - now).total_seconds()) < 60


def test_the_store_handed_to_use_cases_can_be_another_dependency():
    calls = []
    row = _row(lambda store, *_: calls.append(store))
    handlers((row,), store="revocations")["on_visit_overdue"](
        FakeService(), _event(household_id="h1", due_on="2026-11-30")
    )
    assert calls == ["the revocation list"]


def test_use_cases_that_need_less_are_adapted():
    seen = []
    only = event_only(lambda uow, event: seen.append(("only", uow, event)))
    timed = event_and_time(lambda uow, event, now: seen.append(("timed", uow, event, now)))
    only("u", "e", "now", "settings")
    timed("u", "e", "now", "settings")
    assert seen == [("only", "u", "e"), ("timed", "u", "e", "now")]


def test_an_event_the_rows_schema_refuses_is_unprocessable():
    [outcome] = handlers((_row(lambda *_: None),))["on_visit_overdue"](
        FakeService(), _event(household_id="h1")
    )
    assert isinstance(outcome, UnprocessableEvent)


def test_two_rows_that_would_share_a_handler_name_are_refused():
    from_teams = _row(lambda *_: None, "person_updated", "teams")
    rows = (from_teams, _row(lambda *_: None, "person_updated"))
    with pytest.raises(ValueError, match="on_person_updated"):
        handlers(rows)


def test_two_versions_of_one_event_share_one_handler():
    react = lambda *_: None  # noqa: E731
    rows = (_row(react), Subscription("households", "visit_overdue", 2, VisitOverdueV1, react))
    assert list(handlers(rows)) == ["on_visit_overdue"]
