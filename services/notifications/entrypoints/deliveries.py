"""RPC: the delivery log and replaying a parked delivery; the timer that sends due deliveries."""

from __future__ import annotations

from typing import Any

from eventlet.greenpool import GreenPool

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.timers import configured_timer
from infra.validation import dump, listed, load
from services.notifications.channels.senders import senders_for
from services.notifications.entrypoints.common import Json, now
from services.notifications.schemas.deliveries import DeliveryOut, ListDeliveries
from services.notifications.usecases import deliveries
from services.notifications.usecases.commands import DeliveryLogQuery


class DeliveryEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def list_deliveries(self, caller: Json, query: Json) -> Json:
        command = command_of(DeliveryLogQuery, load(ListDeliveries, query))
        found = deliveries.delivery_log(self.uow, Caller.from_dict(caller), command)
        return listed(DeliveryOut, found)

    @rpc
    def replay_delivery(self, caller: Json, delivery_id: str) -> Json:
        replayed = deliveries.replay(self.uow, Caller.from_dict(caller), delivery_id, now())
        return dump(DeliveryOut, replayed)

    @configured_timer("delivery_interval_seconds", 5)
    def deliver(self) -> None:
        senders = senders_for(self.settings)
        deliveries.deliver_due(self.uow, senders, now, self.settings, self._run_all)

    def _run_all(self, send: Any, items: list[Any]) -> list[Any]:
        """Send in parallel green threads, at most `delivery_concurrency` at a time."""
        return list(GreenPool(self.settings.concurrency).imap(send, items))
