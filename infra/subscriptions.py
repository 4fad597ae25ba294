"""The events a process consumes, declared once as a table, and the handlers made from it.

A row names the source service, the event type, a version with this process's own schema of it,
and the use case that applies it. `event_entrypoints(TABLE)` makes one reliable event handler
per (source, event type), named `on_<event type>`, which reads each event with every version the
table lists and calls the row's use case; the handler applies deliveries in windows
(`infra.batch_events`). The handler's name is also its queue's
(`evt-<source>-<event type>--<service>.on_<event type>`), so it comes from the table, never from a
Python attribute written by hand: a rename cannot silently move a queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from marshmallow import Schema

from infra.batch_events import batch_event_handler
from infra.batches import Delivery, Outcome, apply_all
from infra.envelope import ReceivedEvent, read_event

Reaction = Callable[[Any, ReceivedEvent, datetime, Any], None]
"""A use case applying one event: `(unit of work, event, now, settings) -> None`."""

Handler = Callable[[Any, list[Delivery]], list[Outcome]]


@dataclass(frozen=True)
class Subscription:
    source: str
    event_type: str
    version: int
    schema: type[Schema]
    use_case: Reaction

    @property
    def handler_name(self) -> str:
        """The handler's name, and so its queue's: `evt-<source>-<type>--<service>.<name>`."""
        return f"on_{self.event_type}"


def table(*rows: tuple[str, str, int, type[Schema], Reaction]) -> tuple[Subscription, ...]:
    return tuple(Subscription(*row) for row in rows)


def versions_of(rows: tuple[Subscription, ...]) -> dict[tuple[str, str], dict[int, type[Schema]]]:
    """(source, event type) -> {version: schema}: what the contract tests check."""
    versions: dict[tuple[str, str], dict[int, type[Schema]]] = {}
    for row in rows:
        versions.setdefault((row.source, row.event_type), {})[row.version] = row.schema
    return versions


def event_only(use_case: Callable[[Any, ReceivedEvent], None]) -> Reaction:
    """A use case that needs neither the time nor the settings, as a `Reaction`."""

    def react(uow: Any, event: ReceivedEvent, _now: datetime, _settings: Any) -> None:
        use_case(uow, event)

    return react


def event_and_time(use_case: Callable[[Any, ReceivedEvent, datetime], None]) -> Reaction:
    """A use case that needs the time but not the settings, as a `Reaction`."""

    def react(uow: Any, event: ReceivedEvent, now: datetime, _settings: Any) -> None:
        use_case(uow, event, now)

    return react


def handlers(rows: tuple[Subscription, ...], store: str = "uow") -> dict[str, Handler]:
    """The table's handlers by name; two rows may share a name only as versions of one event.

    `store` names the dependency handed to use cases as their first argument (a unit of work)."""
    versions = versions_of(rows)
    made: dict[str, tuple[Subscription, Handler]] = {}
    for row in rows:
        known = made.get(row.handler_name)
        if known is None:
            handler = _handler(row, versions[(row.source, row.event_type)], store)
            made[row.handler_name] = (row, handler)
        elif not _versions_of_one_event(known[0], row):
            raise ValueError(f"two subscriptions would share the handler {row.handler_name}")
    return {name: handler for name, (_, handler) in made.items()}


def event_entrypoints(rows: tuple[Subscription, ...], store: str = "uow") -> type:
    """A mixin class holding the table's handlers, for the service class to compose."""
    return type("EventEntrypoints", (), handlers(rows, store))


def _handler(row: Subscription, versions: dict[int, type[Schema]], store: str) -> Handler:
    def handle(self: Any, deliveries: list[Delivery]) -> list[Outcome]:
        uow, settings = getattr(self, store), getattr(self, "settings", None)

        def apply(delivery: Delivery) -> None:
            event = read_event(delivery.payload, versions)
            row.use_case(uow, event, datetime.now(UTC), settings)

        return apply_all(uow, deliveries, apply, row.handler_name)

    handle.__name__ = handle.__qualname__ = row.handler_name
    return batch_event_handler(row.source, row.event_type)(handle)


def _versions_of_one_event(a: Subscription, b: Subscription) -> bool:
    return (a.source, a.event_type, a.use_case) == (b.source, b.event_type, b.use_case)
