"""Event handlers keeping the households read model (for assignments, cohorts and outcomes)."""

from __future__ import annotations

from typing import Any

from infra.envelope import read_event
from infra.events import event_handler
from services.teams.db import TeamsUnitOfWork
from services.teams.subscriptions import SUBSCRIPTIONS
from services.teams.usecases.households import learn, learn_imported

Payload = dict[str, Any]


def _learn(uow: TeamsUnitOfWork, event_type: str, payload: Payload) -> None:
    learn(uow, read_event(payload, SUBSCRIPTIONS[("households", event_type)]))


class HouseholdEventHandlers:
    uow: TeamsUnitOfWork

    @event_handler("households", "household_registered")
    def on_household_registered(self, payload: Payload) -> None:
        _learn(self.uow, "household_registered", payload)

    @event_handler("households", "household_targeted")
    def on_household_targeted(self, payload: Payload) -> None:
        _learn(self.uow, "household_targeted", payload)

    @event_handler("households", "consent_recorded")
    def on_consent_recorded(self, payload: Payload) -> None:
        _learn(self.uow, "consent_recorded", payload)

    @event_handler("households", "case_stage_changed")
    def on_case_stage_changed(self, payload: Payload) -> None:
        _learn(self.uow, "case_stage_changed", payload)

    @event_handler("households", "visit_logged")
    def on_visit_logged(self, payload: Payload) -> None:
        _learn(self.uow, "visit_logged", payload)

    @event_handler("households", "visit_overdue")
    def on_visit_overdue(self, payload: Payload) -> None:
        _learn(self.uow, "visit_overdue", payload)

    @event_handler("households", "households_imported")
    def on_households_imported(self, payload: Payload) -> None:
        subscription = SUBSCRIPTIONS[("households", "households_imported")]
        learn_imported(self.uow, read_event(payload, subscription))

    @event_handler("households", "household_graduated")
    def on_household_graduated(self, payload: Payload) -> None:
        _learn(self.uow, "household_graduated", payload)
