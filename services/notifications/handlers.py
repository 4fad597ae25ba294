"""Event entrypoints: read the event with our own schema, hand it to a use case. Each handler only
writes to this service's database (deliveries are queued, never sent here). A handler's queue is
named after its attribute (`on_<event type>`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from infra.envelope import ReceivedEvent, read_event
from infra.events import event_handler
from services.notifications.subscriptions import SUBSCRIPTIONS
from services.notifications.usecases import directory, events

Handler = Callable[[Any, dict[str, Any]], None]


def _rules(source: str, event_type: str) -> Handler:
    """An event the notification rules act on (notify, open or close an escalation)."""

    def handle(self: Any, payload: dict[str, Any]) -> None:
        event = read_event(payload, SUBSCRIPTIONS[(source, event_type)])
        events.apply_event(self.uow, event, datetime.now(UTC), self.settings)

    return event_handler(source, event_type)(handle)


def _directory(event_type: str, use_case: Callable[[Any, ReceivedEvent], None]) -> Handler:
    """A teams event that updates the directory read model."""

    def handle(self: Any, payload: dict[str, Any]) -> None:
        use_case(self.uow, read_event(payload, SUBSCRIPTIONS[("teams", event_type)]))

    return event_handler("teams", event_type)(handle)


class EventEntrypoints:
    on_household_registered = _rules("households", "household_registered")
    on_household_import_finished = _rules("households", "household_import_finished")
    on_plan_submitted = _rules("households", "plan_submitted")
    on_plan_approved = _rules("households", "plan_approved")
    on_plan_returned = _rules("households", "plan_returned")
    on_intervention_requested = _rules("households", "intervention_requested")
    on_intervention_status_changed = _rules("households", "intervention_status_changed")
    on_visit_logged = _rules("households", "visit_logged")
    on_visit_overdue = _rules("households", "visit_overdue")
    on_household_income_fell = _rules("households", "household_income_fell")
    on_household_graduated = _rules("households", "household_graduated")

    on_person_registered = _directory("person_registered", directory.person_changed)
    on_person_updated = _directory("person_updated", directory.person_changed)
    on_person_deactivated = _directory("person_deactivated", directory.person_deactivated)
    on_team_membership_changed = _directory(
        "team_membership_changed", directory.team_membership_changed
    )
    on_team_incomplete = _rules("teams", "team_incomplete")
    on_team_completed = _rules("teams", "team_completed")
    on_household_assigned = _rules("teams", "household_assigned")
    on_household_reassigned = _rules("teams", "household_reassigned")

    on_loan_overdue = _rules("funding", "loan_overdue")
    on_loan_repaid = _rules("funding", "loan_repaid")
    on_loan_written_off = _rules("funding", "loan_written_off")
