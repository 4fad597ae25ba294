"""The delivery worker: claim due deliveries, send them outside any transaction, record each
outcome (sent; or retried after a pause; or parked after the last attempt). And the delivery log."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from infra.caller import Caller, Role
from infra.errors import Conflict, NotFound
from infra.logs import get_logger
from infra.pagination import Page
from services.notifications.channels import DeliveryFailed, Outgoing, Sender
from services.notifications.channels.system_webhook import SystemOutgoing
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.db.notices import DeliveryFilter
from services.notifications.domain.notices import Delivery
from services.notifications.settings import Settings
from services.notifications.usecases.commands import DeliveryLogQuery
from services.notifications.usecases.event_log import outgoing_to_system
from services.notifications.vocabulary import SYSTEM_WEBHOOK

log = get_logger(__name__)
Outcome = tuple[str, str | None]  # delivery id, error (None: delivered)
Sendable = Outgoing | SystemOutgoing
RunAll = Callable[[Callable[[Sendable], Outcome], list[Sendable]], Iterable[Outcome]]


def deliver_due(
    uow: NotificationsUnitOfWork,
    senders: Mapping[str, Sender],
    clock: Callable[[], datetime],
    settings: Settings,
    run_all: RunAll,
) -> int:
    now = clock()
    with uow:
        claimed = [
            d
            for d in uow.deliveries.due(now, settings.batch_size)
            if uow.deliveries.claim(d, now, settings.lease)
        ]
        outgoing = [_outgoing(uow, d) for d in claimed]
        uow.commit()
    if not outgoing:
        return 0
    outcomes = list(run_all(lambda o: _attempt(senders, o), outgoing))
    with uow:
        for delivery_id, error in outcomes:
            _record(uow, delivery_id, error, clock(), settings)
        uow.commit()
    return len(outcomes)


def _attempt(senders: Mapping[str, Sender], outgoing: Sendable) -> Outcome:
    sender = senders.get(outgoing.channel)
    try:
        if sender is None:
            raise DeliveryFailed(f"{outgoing.channel}: channel not configured")
        sender.send(outgoing)  # type: ignore[arg-type]  # each channel its own kind
    except DeliveryFailed as exc:
        return outgoing.delivery_id, str(exc)
    except Exception as exc:  # a sender bug must not lose the delivery: it is retried
        return outgoing.delivery_id, f"{outgoing.channel}: {type(exc).__name__}"
    return outgoing.delivery_id, None


def _record(
    uow: NotificationsUnitOfWork,
    delivery_id: str,
    error: str | None,
    now: datetime,
    settings: Settings,
) -> None:
    delivery = uow.deliveries.get(delivery_id)
    if delivery is None:
        return
    if error is None:
        delivery.succeeded(now)
    else:
        delivery.failed(error, now, settings.retry)
    uow.deliveries.save(delivery)
    event = {"sent": "delivery.sent", "parked": "delivery.parked"}.get(delivery.status)
    (log.warning if error else log.info)(
        event or "delivery.retry_scheduled",
        delivery_id=delivery.id,
        channel=delivery.channel,
        recipient_id=delivery.recipient_id,
        attempts=delivery.attempts,
        error=error,
    )


def _outgoing(uow: NotificationsUnitOfWork, delivery: Delivery) -> Outgoing | SystemOutgoing:
    if delivery.channel == SYSTEM_WEBHOOK:
        return outgoing_to_system(uow, delivery)
    notification = uow.notifications.get(delivery.notification_id)
    person = uow.directory.person(delivery.recipient_id)
    if notification is None:
        raise NotFound(f"notification {delivery.notification_id} is missing")
    address = person.addresses().get(delivery.channel) if person and person.active else None
    return Outgoing(
        delivery.id,
        delivery.channel,
        address,
        notification.id,
        notification.kind,
        notification.title,
        notification.body,
        notification.subject_id,
        notification.area_code,
        notification.escalation_id,
        notification.created_at,
        person.webhook_secret if person else None,
    )


def delivery_log(
    uow: NotificationsUnitOfWork, caller: Caller, query: DeliveryLogQuery
) -> Page[Delivery]:
    """Administrators see every delivery; anyone else their own."""
    recipient = query.recipient_id if caller.is_admin else caller.person_id
    filters = DeliveryFilter(query.status, query.channel, recipient, query.notification_id)
    with uow:
        return uow.deliveries.log(filters, query.after, query.limit)


def replay(
    uow: NotificationsUnitOfWork, caller: Caller, delivery_id: str, now: datetime
) -> Delivery:
    """Send a parked delivery again (administrators)."""
    caller.require(Role.ADMINISTRATOR)
    with uow:
        delivery = uow.deliveries.get(delivery_id)
        if delivery is None:
            raise NotFound(f"delivery {delivery_id} not found")
        if delivery.status != "parked":
            raise Conflict(f"a {delivery.status} delivery cannot be replayed", allowed=["parked"])
        delivery.replay(now)
        uow.deliveries.save(delivery)
        uow.commit()
    log.info("delivery.replayed", delivery_id=delivery_id, person_id=caller.person_id)
    return delivery
