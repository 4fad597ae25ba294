"""Event entrypoints, made from the subscriptions table (`subscriptions.TABLE`): each handler reads
the event with our own schema and hands it to the row's use case, which only writes to this
service's database (deliveries are queued, never sent here).

A handler's name, and so its queue (`evt-<source>-<event type>--notifications.on_<event type>`),
is made from the table, never from a Python attribute written by hand; the queue names are pinned
by `tests/unit/notifications/test_subscriptions.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema

from infra.envelope import read_event
from infra.events import event_handler
from services.notifications.entrypoints.common import now
from services.notifications.subscriptions import TABLE, Subscription, versions_of

Handler = Callable[[Any, dict[str, Any]], None]


def _handler(subscription: Subscription, versions: dict[int, type[Schema]]) -> Handler:
    """One handler per (source, event type), reading every version the table lists for it."""

    def handle(self: Any, payload: dict[str, Any]) -> None:
        subscription.use_case(self.uow, read_event(payload, versions), now(), self.settings)

    handle.__name__ = handle.__qualname__ = subscription.handler_name
    return event_handler(subscription.source, subscription.event_type)(handle)


def handlers(table: tuple[Subscription, ...]) -> dict[str, Handler]:
    """The table's handlers by name; two rows may share a name only as versions of one event."""
    versions = versions_of(table)
    made: dict[str, tuple[Subscription, Handler]] = {}
    for row in table:
        known = made.get(row.handler_name)
        if known is None:
            made[row.handler_name] = (row, _handler(row, versions[(row.source, row.event_type)]))
        elif not _versions_of_one_event(known[0], row):
            raise ValueError(f"two subscriptions would share the handler {row.handler_name}")
    return {name: handler for name, (_, handler) in made.items()}


def _versions_of_one_event(a: Subscription, b: Subscription) -> bool:
    return (a.source, a.event_type, a.use_case) == (b.source, b.event_type, b.use_case)


EventEntrypoints: type = type("EventEntrypoints", (), handlers(TABLE))
