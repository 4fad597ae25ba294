"""Teams events that end access granted by tokens already given out (see revocations.py): the use
cases of `subscriptions.TABLE`, called with the gateway's revocation list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gateway.revocations import Revocations
from infra.envelope import ReceivedEvent


def revoke_person(revocations: Revocations, event: ReceivedEvent, _now: datetime, _: Any) -> None:
    """The person's tokens issued before the event end (deactivated, roles or password changed)."""
    revocations.revoke(event.data["person_id"], event.occurred_at)


def revoke_leaver(revocations: Revocations, event: ReceivedEvent, _now: datetime, _: Any) -> None:
    """A person who left a team loses the access their tokens carried for it."""
    if event.data["change"] == "left" and event.data["person_id"]:
        revocations.revoke(event.data["person_id"], event.occurred_at)
