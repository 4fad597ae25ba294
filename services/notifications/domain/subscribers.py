"""Outside systems that subscribe to events: which events a subscription receives, and the body
they receive (the published envelope, personal fields left out unless granted)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from services.notifications.vocabulary import SYSTEM_WEBHOOK

__all__ = ["SYSTEM_WEBHOOK", "LoggedEvent", "SystemSubscription", "in_areas"]


@dataclass(frozen=True)
class LoggedEvent:
    """A published event as the event log keeps it; `personal` names its personal fields."""

    event_id: str
    source: str
    event_type: str
    version: int
    occurred_at: datetime
    correlation_id: str | None
    area_code: str | None
    data: dict[str, Any]
    personal: tuple[str, ...]
    logged_at: datetime
    cursor: int | None = None

    def body(self, personal_data: bool) -> dict[str, Any]:
        """What a subscriber receives (a webhook's body, an item of `/events`)."""
        hidden = () if personal_data else self.personal
        return {
            "cursor": None if self.cursor is None else str(self.cursor),
            "event_id": self.event_id,
            "event_type": self.event_type,
            "version": self.version,
            "occurred_at": self.occurred_at.isoformat(),
            "source": self.source,
            "correlation_id": self.correlation_id,
            "area_code": self.area_code,
            "data": {name: value for name, value in self.data.items() if name not in hidden},
        }


def in_areas(area_code: str | None, areas: Sequence[str]) -> bool:
    """No areas: everywhere (events without an area too); else the event lies in one of them."""
    if not areas:
        return True
    return area_code is not None and any(area_code.startswith(area) for area in areas)


@dataclass
class SystemSubscription:
    name: str
    url: str
    secret: str
    event_types: tuple[str, ...]
    areas: tuple[str, ...]
    personal_data: bool
    active: bool
    created_by: str
    created_at: datetime
    version: int = 1
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def wants(self, event: LoggedEvent) -> bool:
        return (
            self.active
            and event.event_type in self.event_types
            and in_areas(event.area_code, self.areas)
        )
