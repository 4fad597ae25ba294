"""The event log of outside subscribers: every published event is kept once (a duplicate
changes nothing) and queued for each subscription that wants it; replayed since a cursor; pruned
after the retention period."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller, Role
from infra.errors import Gone, NotFound
from infra.logs import get_logger
from infra.pagination import Page
from services.notifications.channels.system_webhook import SystemOutgoing
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.db.subscribers import EventFilter
from services.notifications.domain.notices import Delivery
from services.notifications.domain.subscribers import SYSTEM_WEBHOOK, LoggedEvent
from services.notifications.settings import Settings
from services.notifications.usecases.subscriber_commands import EventsQuery

log = get_logger(__name__)


def record_event(uow: NotificationsUnitOfWork, event: LoggedEvent, now: datetime) -> int:
    """Log the event and queue one delivery per subscription that wants it (how many)."""
    with uow:
        logged = uow.event_log.add(event)
        if logged is None:
            return 0
        wanting = [s for s in uow.subscriptions.active() if s.wants(logged)]
        for subscription in wanting:
            uow.deliveries.add(_delivery(logged, subscription.id, now))
        uow.commit()
    return len(wanting)


def _delivery(event: LoggedEvent, subscription_id: str, now: datetime) -> Delivery:
    return Delivery(event.event_id, subscription_id, SYSTEM_WEBHOOK, event.event_id, now, now)


def outgoing_to_system(uow: NotificationsUnitOfWork, delivery: Delivery) -> SystemOutgoing:
    """What the sender posts for a delivery to a subscription (inside the claiming transaction)."""
    subscription = uow.subscriptions.get(delivery.recipient_id)
    event = uow.event_log.get(delivery.notification_id)
    if subscription is None or not subscription.active:
        return SystemOutgoing(delivery.id, None, None, None)
    body = None if event is None else event.body(subscription.personal_data)
    return SystemOutgoing(delivery.id, subscription.url, subscription.secret, body)


def events_since(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    query: EventsQuery,
    now: datetime,
    settings: Settings,
) -> Page[dict[str, object]]:
    """Events after the cursor, oldest first (administrators). With a subscription: its types,
    areas and grant of personal data; without: the query's, and never personal data."""
    caller.require(Role.ADMINISTRATOR)
    with uow:
        if query.after < uow.event_log.pruned_through():
            raise Gone(
                "events after this cursor are no longer kept (event_retention_days): read the "
                "current state, then replay from the start (no cursor)"
            )
        types, areas, personal = query.event_types, (), False
        if query.subscription_id is not None:
            subscription = uow.subscriptions.get(query.subscription_id)
            if subscription is None:
                raise NotFound(f"subscription {query.subscription_id} not found")
            wanted = subscription.event_types
            types = tuple(t for t in wanted if t in types) if types else wanted
            areas, personal = subscription.areas, subscription.personal_data
            if not types:
                return Page([], None)
        filters = EventFilter(types, areas, query.area, now - settings.replay_settle)
        events = uow.event_log.since(filters, query.after, query.limit)
    shown = events[: query.limit]
    cursor = str(shown[-1].cursor) if len(events) > query.limit else None
    return Page([event.body(personal) for event in shown], cursor)


def prune_events(uow: NotificationsUnitOfWork, now: datetime, settings: Settings) -> int:
    with uow:
        pruned = uow.event_log.prune(now - settings.event_retention)
        uow.commit()
    if pruned:
        log.info("event_log.pruned", events=pruned)
    return pruned
