"""The notifications service's event handlers come from one table (`subscriptions.TABLE`), and their
queue names are pinned here: a queue renamed by accident would leave the old one bound and filling,
and the new one empty of every event published before the deploy."""

from __future__ import annotations

import pytest

from infra.envelope import Envelope, UnprocessableEvent
from infra.queues import HandlerQueues
from infra.topology import handlers_of
from services.notifications.entrypoints.events import handlers
from services.notifications.service import NotificationsService
from services.notifications.subscriptions import SUBSCRIPTIONS, TABLE, Subscription
from services.notifications.subscriptions.households import VisitOverdueV1
from services.notifications.subscriptions.teams import PersonV1

QUEUES = [
    "evt-funding-loan_overdue--notifications.on_loan_overdue",
    "evt-funding-loan_repaid--notifications.on_loan_repaid",
    "evt-funding-loan_written_off--notifications.on_loan_written_off",
    "evt-households-household_graduated--notifications.on_household_graduated",
    "evt-households-household_import_finished--notifications.on_household_import_finished",
    "evt-households-household_income_fell--notifications.on_household_income_fell",
    "evt-households-household_registered--notifications.on_household_registered",
    "evt-households-intervention_requested--notifications.on_intervention_requested",
    "evt-households-intervention_status_changed--notifications.on_intervention_status_changed",
    "evt-households-plan_approved--notifications.on_plan_approved",
    "evt-households-plan_returned--notifications.on_plan_returned",
    "evt-households-plan_submitted--notifications.on_plan_submitted",
    "evt-households-visit_logged--notifications.on_visit_logged",
    "evt-households-visit_overdue--notifications.on_visit_overdue",
    "evt-teams-household_assigned--notifications.on_household_assigned",
    "evt-teams-household_reassigned--notifications.on_household_reassigned",
    "evt-teams-person_deactivated--notifications.on_person_deactivated",
    "evt-teams-person_registered--notifications.on_person_registered",
    "evt-teams-person_updated--notifications.on_person_updated",
    "evt-teams-team_completed--notifications.on_team_completed",
    "evt-teams-team_incomplete--notifications.on_team_incomplete",
    "evt-teams-team_membership_changed--notifications.on_team_membership_changed",
]


def test_the_queue_names_are_those_the_broker_already_has():
    queues = [
        HandlerQueues(h.source_service, h.event_type, NotificationsService.name, method, ()).name
        for method, h in handlers_of(NotificationsService)
    ]
    assert sorted(queues) == QUEUES


def test_every_row_of_the_table_has_its_handler_and_its_contract_schemas():
    made = {(h.source_service, h.event_type) for _, h in handlers_of(NotificationsService)}
    assert made == {(row.source, row.event_type) for row in TABLE} == set(SUBSCRIPTIONS)


class FakeService:
    uow = "the unit of work"
    settings = "the settings"


def _event(**data):
    return Envelope("visit_overdue", data, "households").to_dict()


def test_a_handler_reads_the_event_with_the_rows_schema_and_calls_the_rows_use_case():
    calls = []
    row = Subscription(
        "households", "visit_overdue", 1, VisitOverdueV1, lambda *args: calls.append(args)
    )
    handle = handlers((row,))["on_visit_overdue"]
    handle(FakeService(), _event(household_id="h1", village_code="10010101", due_on="2026-11-30"))
    [(uow, event, _now, settings)] = calls
    assert (uow, settings, event.data["household_id"]) == ("the unit of work", "the settings", "h1")


def test_an_event_the_rows_schema_refuses_is_unprocessable():
    row = Subscription("households", "visit_overdue", 1, VisitOverdueV1, lambda *_: None)
    with pytest.raises(UnprocessableEvent):
        handlers((row,))["on_visit_overdue"](FakeService(), _event(household_id="h1"))


def test_two_rows_that_would_share_a_handler_name_are_refused():
    rows = (
        Subscription("teams", "person_updated", 1, PersonV1, lambda *_: None),
        Subscription("households", "person_updated", 1, PersonV1, lambda *_: None),
    )
    with pytest.raises(ValueError, match="on_person_updated"):
        handlers(rows)
