"""What each consumed event does (the use case of its row in `subscriptions.TABLE`), all called
the same way by the event entrypoints: `(uow, event, now, settings)`."""

from __future__ import annotations

from infra.subscriptions import Reaction, event_only
from services.notifications.usecases import directory, events

RULES: Reaction = events.apply_event  # notify, open or close an escalation
# teams events that update the directory read model (they need no clock, no settings)
PERSON_CHANGED = event_only(directory.person_changed)
PERSON_DEACTIVATED = event_only(directory.person_deactivated)
TEAM_MEMBERSHIP_CHANGED = event_only(directory.team_membership_changed)
