"""Outside systems' subscriptions (administrators only): registered, read, changed, removed; a
new secret shown once; their delivery log and the replay of a parked delivery."""

from __future__ import annotations

import base64
import secrets
from dataclasses import replace
from datetime import datetime

from infra.caller import Caller, Role
from infra.errors import NotFound
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.db.notices import DeliveryFilter
from services.notifications.domain.notices import Delivery
from services.notifications.domain.subscribers import SYSTEM_WEBHOOK, SystemSubscription
from services.notifications.usecases import deliveries
from services.notifications.usecases.subscriber_commands import (
    ChangeSubscription,
    Subscribe,
    SubscriptionDeliveriesQuery,
)

log = get_logger(__name__)
Secreted = tuple[SystemSubscription, str]


def subscribe(
    uow: NotificationsUnitOfWork, caller: Caller, command: Subscribe, now: datetime
) -> Secreted:
    caller.require(Role.ADMINISTRATOR)
    secret = new_secret()
    subscription = SystemSubscription(
        command.name,
        command.url,
        secret,
        command.event_types,
        command.areas,
        command.personal_data,
        command.active,
        caller.person_id,
        now,
    )
    with uow:
        uow.subscriptions.add(subscription)
        uow.commit()
    log.info("subscription.created", subscription_id=subscription.id, by=caller.person_id)
    return subscription, secret


def list_subscriptions(
    uow: NotificationsUnitOfWork, caller: Caller, after: str | None, limit: int
) -> Page[SystemSubscription]:
    caller.require(Role.ADMINISTRATOR)
    with uow:
        return uow.subscriptions.listed(after, limit)


def get_subscription(
    uow: NotificationsUnitOfWork, caller: Caller, subscription_id: str
) -> SystemSubscription:
    caller.require(Role.ADMINISTRATOR)
    with uow:
        return _subscription(uow, subscription_id)


def change_subscription(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    subscription_id: str,
    command: ChangeSubscription,
    expected_version: int | None,
) -> SystemSubscription:
    caller.require(Role.ADMINISTRATOR)
    with uow:
        current = _subscription(uow, subscription_id)
        require_version(current.version, expected_version, "subscription")
        changed = replace(current, **command.given(), version=current.version + 1)
        uow.subscriptions.save(changed)
        uow.commit()
    log.info("subscription.changed", subscription_id=subscription_id, by=caller.person_id)
    return changed


def rotate_secret(
    uow: NotificationsUnitOfWork, caller: Caller, subscription_id: str, expected_version: int | None
) -> Secreted:
    """A new signing secret, returned this once; the old one stops signing at once."""
    caller.require(Role.ADMINISTRATOR)
    secret = new_secret()
    with uow:
        current = _subscription(uow, subscription_id)
        require_version(current.version, expected_version, "subscription")
        changed = replace(current, secret=secret, version=current.version + 1)
        uow.subscriptions.save(changed)
        uow.commit()
    log.info("subscription.secret_rotated", subscription_id=subscription_id, by=caller.person_id)
    return changed, secret


def unsubscribe(uow: NotificationsUnitOfWork, caller: Caller, subscription_id: str) -> None:
    """Remove the subscription; its deliveries not yet sent are dropped with it."""
    caller.require(Role.ADMINISTRATOR)
    with uow:
        _subscription(uow, subscription_id)
        uow.subscriptions.remove(subscription_id)
        uow.deliveries.drop_pending(subscription_id, SYSTEM_WEBHOOK)
        uow.commit()
    log.info("subscription.removed", subscription_id=subscription_id, by=caller.person_id)


def subscription_deliveries(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    subscription_id: str,
    query: SubscriptionDeliveriesQuery,
) -> Page[Delivery]:
    caller.require(Role.ADMINISTRATOR)
    filters = DeliveryFilter(query.status, SYSTEM_WEBHOOK, subscription_id)
    with uow:
        _subscription(uow, subscription_id)
        return uow.deliveries.log(filters, query.after, query.limit)


def replay_delivery(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    subscription_id: str,
    delivery_id: str,
    now: datetime,
) -> Delivery:
    """Send a parked delivery of this subscription again."""
    caller.require(Role.ADMINISTRATOR)
    with uow:
        _subscription(uow, subscription_id)
        delivery = uow.deliveries.get(delivery_id)
        if delivery is None or delivery.recipient_id != subscription_id:
            raise NotFound(f"delivery {delivery_id} not found")
    return deliveries.replay(uow, caller, delivery_id, now)


def new_secret() -> str:
    """A Standard Webhooks signing secret: whsec_ and base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _subscription(uow: NotificationsUnitOfWork, subscription_id: str) -> SystemSubscription:
    subscription = uow.subscriptions.get(subscription_id)
    if subscription is None:
        raise NotFound(f"subscription {subscription_id} not found")
    return subscription
