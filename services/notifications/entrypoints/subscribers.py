"""RPC: outside systems' subscriptions, their delivery log and replay, and the events since a
cursor; the timer that prunes the event log."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.pagination import Page
from infra.rpc import rpc
from infra.timers import configured_timer
from infra.validation import dump, listed, load
from services.notifications.entrypoints.common import Json, now
from services.notifications.schemas.deliveries import DeliveryOut
from services.notifications.schemas.subscribers import (
    EventOut,
    ListEvents,
    ListSubscriptionDeliveries,
    ListSubscriptions,
    SubscriptionChange,
    SubscriptionIn,
    SubscriptionOut,
)
from services.notifications.usecases import event_log, subscribers
from services.notifications.usecases.subscriber_commands import (
    ChangeSubscription,
    EventsQuery,
    Subscribe,
    SubscriptionDeliveriesQuery,
)


class SubscriberEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def create_subscription(self, caller: Json, payload: Json) -> Json:
        command = command_of(Subscribe, load(SubscriptionIn, payload))
        made, secret = subscribers.subscribe(self.uow, Caller.from_dict(caller), command, now())
        return {**dump(SubscriptionOut, made), "secret": secret}

    @rpc
    def list_subscriptions(self, caller: Json, query: Json) -> Json:
        page = load(ListSubscriptions, query)
        found = subscribers.list_subscriptions(
            self.uow, Caller.from_dict(caller), page["after"], page["limit"]
        )
        return listed(SubscriptionOut, found)

    @rpc
    def get_subscription(self, caller: Json, subscription_id: str) -> Json:
        found = subscribers.get_subscription(self.uow, Caller.from_dict(caller), subscription_id)
        return dump(SubscriptionOut, found)

    @rpc
    def change_subscription(
        self, caller: Json, subscription_id: str, payload: Json, expected_version: int | None = None
    ) -> Json:
        command = command_of(ChangeSubscription, load(SubscriptionChange, payload))
        who = Caller.from_dict(caller)
        changed = subscribers.change_subscription(
            self.uow, who, subscription_id, command, expected_version
        )
        return dump(SubscriptionOut, changed)

    @rpc
    def rotate_subscription_secret(
        self, caller: Json, subscription_id: str, expected_version: int | None = None
    ) -> Json:
        who = Caller.from_dict(caller)
        changed, secret = subscribers.rotate_secret(
            self.uow, who, subscription_id, expected_version
        )
        return {**dump(SubscriptionOut, changed), "secret": secret}

    @rpc
    def delete_subscription(self, caller: Json, subscription_id: str) -> None:
        subscribers.unsubscribe(self.uow, Caller.from_dict(caller), subscription_id)

    @rpc
    def list_subscription_deliveries(self, caller: Json, subscription_id: str, query: Json) -> Json:
        command = command_of(SubscriptionDeliveriesQuery, load(ListSubscriptionDeliveries, query))
        who = Caller.from_dict(caller)
        found = subscribers.subscription_deliveries(self.uow, who, subscription_id, command)
        return listed(DeliveryOut, found)

    @rpc
    def replay_subscription_delivery(
        self, caller: Json, subscription_id: str, delivery_id: str
    ) -> Json:
        who = Caller.from_dict(caller)
        replayed = subscribers.replay_delivery(self.uow, who, subscription_id, delivery_id, now())
        return dump(DeliveryOut, replayed)

    @rpc
    def list_events(self, caller: Json, query: Json) -> Json:
        loaded = load(ListEvents, query)
        command = EventsQuery(
            loaded["after"],
            loaded["limit"],
            tuple(loaded["types"]),
            loaded.get("area"),
            loaded.get("subscription_id"),
        )
        who = Caller.from_dict(caller)
        found: Page[Any] = event_log.events_since(self.uow, who, command, now(), self.settings)
        return listed(EventOut, found)

    @configured_timer("event_prune_interval_seconds", 3600)
    def prune_event_log(self) -> None:
        event_log.prune_events(self.uow, now(), self.settings)
