"""Teams events that end access granted by tokens already given out (see revocations.py)."""

from __future__ import annotations

from typing import Any

from gateway.revocations import Revocations
from gateway.subscriptions import SUBSCRIPTIONS
from infra.envelope import read_event
from infra.events import event_handler


class AccessEvents:
    revocations: Revocations

    @event_handler("teams", "person_deactivated")
    def on_person_deactivated(self, payload: dict[str, Any]) -> None:
        self._revoke("person_deactivated", payload)

    @event_handler("teams", "person_updated")
    def on_person_updated(self, payload: dict[str, Any]) -> None:
        self._revoke("person_updated", payload)

    @event_handler("teams", "password_changed")
    def on_password_changed(self, payload: dict[str, Any]) -> None:
        self._revoke("password_changed", payload)

    @event_handler("teams", "team_membership_changed")
    def on_team_membership_changed(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, SUBSCRIPTIONS[("teams", "team_membership_changed")])
        if event.data["change"] == "left" and event.data["person_id"]:
            self.revocations.revoke(event.data["person_id"], event.occurred_at)

    def _revoke(self, event_type: str, payload: dict[str, Any]) -> None:
        event = read_event(payload, SUBSCRIPTIONS[("teams", event_type)])
        self.revocations.revoke(event.data["person_id"], event.occurred_at)
