"""The event log's handlers: one per event every producer publishes, made from their contracts
(`infra.catalogue`), so a new event reaches outside subscribers with no change here. Each is named
`log_<event type>` (its queue `evt-<source>-<type>--notifications.log_<type>`), apart from the
`on_<event type>` handlers of the notification rules. The event's data is kept as published,
after a check against its producer's schema; unknown versions are parked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.batch_events import batch_event_handler
from infra.batches import Delivery, Outcome, apply_all
from infra.catalogue import AREA_FIELDS, Published, versions_by_event
from infra.envelope import ReceivedEvent, read_event
from services.notifications.domain.subscribers import LoggedEvent
from services.notifications.usecases.event_log import record_event

Handler = Any


def handler_name(event_type: str) -> str:
    return f"log_{event_type}"


def logged(event: ReceivedEvent, data: dict[str, Any], published: Published) -> LoggedEvent:
    area = next((data[f] for f in AREA_FIELDS if data.get(f)), None)
    return LoggedEvent(
        event.event_id,
        event.source,
        event.event_type,
        event.version,
        event.occurred_at,
        event.correlation_id,
        area if isinstance(area, str) else None,
        data,
        tuple(sorted(published.personal)),
        datetime.now(UTC),
    )


def _handler(source: str, event_type: str, versions: dict[int, Published]) -> Handler:
    schemas = {version: item.contract.schema for version, item in versions.items()}

    def handle(self: Any, deliveries: list[Delivery]) -> list[Outcome]:
        def apply(delivery: Delivery) -> None:
            event = read_event(delivery.payload, schemas)
            item = logged(event, dict(delivery.payload["data"]), versions[event.version])
            record_event(self.uow, item, item.logged_at)

        return apply_all(self.uow, deliveries, apply, handler_name(event_type))

    handle.__name__ = handle.__qualname__ = handler_name(event_type)
    return batch_event_handler(source, event_type)(handle)


def event_log_entrypoints() -> type:
    handlers = {
        handler_name(event_type): _handler(source, event_type, versions)
        for (source, event_type), versions in versions_by_event().items()
    }
    return type("EventLogEntrypoints", (), handlers)
