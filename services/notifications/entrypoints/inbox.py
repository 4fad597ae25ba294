"""RPC: the caller's inbox and delivery preferences."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.notifications.entrypoints.common import Json, now
from services.notifications.schemas.inbox import (
    ListInbox,
    NotificationOut,
    PreferencesOut,
    UpdatePreferences,
)
from services.notifications.usecases import inbox
from services.notifications.usecases.commands import ChangePreferences, InboxQuery


class InboxEntrypoints:
    uow: Any

    @rpc
    def list_inbox(self, caller: Json, query: Json) -> Json:
        command = command_of(InboxQuery, load(ListInbox, query))
        found = inbox.inbox(self.uow, Caller.from_dict(caller), command)
        return listed(NotificationOut, found.page, unread=found.unread)

    @rpc
    def unread_count(self, caller: Json) -> Json:
        return {"unread": inbox.unread_count(self.uow, Caller.from_dict(caller))}

    @rpc
    def mark_read(self, caller: Json, notification_id: str) -> Json:
        read = inbox.mark_read(self.uow, Caller.from_dict(caller), notification_id, now())
        return dump(NotificationOut, read)

    @rpc
    def mark_all_read(self, caller: Json) -> Json:
        return {"marked": inbox.mark_all_read(self.uow, Caller.from_dict(caller), now())}

    @rpc
    def get_preferences(self, caller: Json) -> Json:
        return dump(PreferencesOut, inbox.preferences(self.uow, Caller.from_dict(caller)))

    @rpc
    def update_preferences(
        self, caller: Json, payload: Json, expected_version: int | None = None
    ) -> Json:
        command = command_of(ChangePreferences, load(UpdatePreferences, payload))
        person, secret = inbox.update_preferences(
            self.uow, Caller.from_dict(caller), command, expected_version
        )
        shown = dump(PreferencesOut, person)
        return {**shown, "webhook_secret": secret} if secret else shown
