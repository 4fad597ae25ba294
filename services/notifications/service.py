"""Notifications service entrypoints: parse, call a use case, serialise."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from eventlet.greenpool import GreenPool

from infra.caller import Caller
from infra.database import Database
from infra.rpc import rpc
from infra.service import DomainService
from infra.timers import configured_timer
from infra.validation import dump, load
from services.notifications import schemas as s
from services.notifications.channels.senders import ChannelSenders
from services.notifications.db import NotificationsUnitOfWork, metadata
from services.notifications.handlers import EventEntrypoints
from services.notifications.settings import NotificationSettings
from services.notifications.usecases import deliveries, digest, escalations, inbox, ladder

Json = dict[str, Any]


def _now() -> datetime:
    return datetime.now(UTC)


class NotificationsService(EventEntrypoints, DomainService):
    name = "notifications"
    uow = Database(metadata, NotificationsUnitOfWork)
    settings = NotificationSettings()
    senders = ChannelSenders()

    @rpc
    def list_inbox(self, caller: Json, query: Json) -> Json:
        found = inbox.inbox(self.uow, Caller.from_dict(caller), load(s.ListInbox, query))
        return {**found, "items": dump(s.NotificationOut, found["items"], many=True)}

    @rpc
    def unread_count(self, caller: Json) -> Json:
        return {"unread": inbox.unread_count(self.uow, Caller.from_dict(caller))}

    @rpc
    def mark_read(self, caller: Json, notification_id: str) -> Json:
        read = inbox.mark_read(self.uow, Caller.from_dict(caller), notification_id, _now())
        return dump(s.NotificationOut, read)

    @rpc
    def mark_all_read(self, caller: Json) -> Json:
        return {"marked": inbox.mark_all_read(self.uow, Caller.from_dict(caller), _now())}

    @rpc
    def get_preferences(self, caller: Json) -> Json:
        return dump(s.PreferencesOut, inbox.preferences(self.uow, Caller.from_dict(caller)))

    @rpc
    def update_preferences(
        self, caller: Json, payload: Json, expected_version: int | None = None
    ) -> Json:
        command = load(s.UpdatePreferences, payload)
        person, secret = inbox.update_preferences(
            self.uow, Caller.from_dict(caller), command, expected_version
        )
        shown = dump(s.PreferencesOut, person)
        return {**shown, "webhook_secret": secret} if secret else shown

    @rpc
    def list_escalations(self, caller: Json, query: Json) -> Json:
        command = load(s.ListEscalations, query)
        found = escalations.list_escalations(self.uow, Caller.from_dict(caller), command)
        return {"items": [s.escalation_out(v) for v in found["items"]], "next": found["next"]}

    @rpc
    def get_escalation(self, caller: Json, escalation_id: str) -> Json:
        view = escalations.get_escalation(self.uow, Caller.from_dict(caller), escalation_id)
        return s.escalation_out(view)

    @rpc
    def acknowledge_escalation(
        self, caller: Json, escalation_id: str, expected_version: int | None = None
    ) -> Json:
        view = escalations.acknowledge(
            self.uow, Caller.from_dict(caller), escalation_id, expected_version, _now()
        )
        return s.escalation_out(view)

    @rpc
    def resolve_escalation(
        self, caller: Json, escalation_id: str, payload: Json, expected_version: int | None = None
    ) -> Json:
        note = load(s.ResolveEscalation, payload)["note"]
        view = escalations.resolve(
            self.uow, Caller.from_dict(caller), escalation_id, note, expected_version, _now()
        )
        return s.escalation_out(view)

    @rpc
    def list_deliveries(self, caller: Json, query: Json) -> Json:
        command = load(s.ListDeliveries, query)
        found = deliveries.delivery_log(self.uow, Caller.from_dict(caller), command)
        return {"items": dump(s.DeliveryOut, found["items"], many=True), "next": found["next"]}

    @rpc
    def replay_delivery(self, caller: Json, delivery_id: str) -> Json:
        replayed = deliveries.replay(self.uow, Caller.from_dict(caller), delivery_id, _now())
        return dump(s.DeliveryOut, replayed)

    @configured_timer("ladder_interval_seconds", 60)
    def climb_escalations(self) -> None:
        ladder.tick(self.uow, _now(), self.settings)

    @configured_timer("delivery_interval_seconds", 5)
    def deliver(self) -> None:
        deliveries.deliver_due(self.uow, self.senders, _now, self.settings, self._run_all)

    @configured_timer("digest_interval_seconds", 300)
    def send_digests(self) -> None:
        digest.send_digests(self.uow, _now(), self.settings)

    def _run_all(self, send: Any, items: list[Any]) -> list[Any]:
        """Send in parallel green threads, at most `delivery_concurrency` at a time."""
        return list(GreenPool(self.settings.concurrency).imap(send, items))
