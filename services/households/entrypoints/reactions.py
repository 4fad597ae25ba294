"""Event handlers (other services' events) and the overdue-visit timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.envelope import read_event
from infra.events import event_handler
from infra.timers import configured_timer
from services.households import subscriptions as subs
from services.households.dates import today
from services.households.usecases import care, reactions


def _now() -> datetime:
    return datetime.now(UTC)


class ReactionEntrypoints:
    uow: Any
    settings: Any

    @event_handler("teams", "household_assigned")
    def on_household_assigned(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.HOUSEHOLD_ASSIGNED)
        reactions.assign_team(self.uow, event, event.data["team_id"], event.data["assigned_at"])

    @event_handler("teams", "household_reassigned")
    def on_household_reassigned(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.HOUSEHOLD_REASSIGNED)
        data = event.data
        reactions.assign_team(self.uow, event, data["to_team_id"], data["reassigned_at"])

    @event_handler("teams", "training_completed")
    def on_training_completed(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.TRAINING_COMPLETED)
        reactions.training_completed(self.uow, event, self.settings, _now())

    @event_handler("funding", "funding_access_granted")
    def on_funding_access_granted(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.FUNDING_ACCESS_GRANTED)
        reactions.funding_decided(self.uow, event, True, self.settings, _now())

    @event_handler("funding", "funding_access_declined")
    def on_funding_access_declined(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.FUNDING_ACCESS_DECLINED)
        reactions.funding_decided(self.uow, event, False, self.settings, _now())

    @event_handler("funding", "loan_disbursed")
    def on_loan_disbursed(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.LOAN_DISBURSED)
        reactions.loan_disbursed(self.uow, event, self.settings, _now())

    @event_handler("funding", "loan_repaid")
    def on_loan_repaid(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.LOAN_REPAID)
        reactions.loan_repaid(self.uow, event, self.settings, _now())

    @event_handler("funding", "loan_written_off")
    def on_loan_written_off(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subs.LOAN_WRITTEN_OFF)
        reactions.loan_written_off(self.uow, event, self.settings, _now())

    @configured_timer("overdue_check_seconds", 60.0)
    def announce_overdue_visits(self) -> None:
        now = _now()
        care.announce_overdue_visits(self.uow, today(now), now)
