"""What each consumed event does (the use case of its row in `subscriptions.TABLE`), all called
the same way by the event entrypoints: `(uow, event, now, settings)`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from infra.envelope import ReceivedEvent
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.settings import Settings
from services.notifications.usecases import directory, events

Reaction = Callable[[NotificationsUnitOfWork, ReceivedEvent, datetime, Settings], None]
RULES: Reaction = events.apply_event  # notify, open or close an escalation


def _directory(update: Callable[[NotificationsUnitOfWork, ReceivedEvent], None]) -> Reaction:
    """A teams event that updates the directory read model (it needs no clock, no settings)."""

    def react(uow: NotificationsUnitOfWork, event: ReceivedEvent, *_: object) -> None:
        update(uow, event)

    return react


PERSON_CHANGED = _directory(directory.person_changed)
PERSON_DEACTIVATED = _directory(directory.person_deactivated)
TEAM_MEMBERSHIP_CHANGED = _directory(directory.team_membership_changed)
