"""Typed commands of the outside subscribers' use cases."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from infra.commands import KEEP


@dataclass(frozen=True)
class Subscribe:
    name: str
    url: str
    event_types: tuple[str, ...]
    areas: tuple[str, ...] = ()
    personal_data: bool = False
    active: bool = True


@dataclass(frozen=True)
class ChangeSubscription:
    """Only the fields the payload names change (`KEEP` for the others)."""

    name: str = KEEP
    url: str = KEEP
    event_types: tuple[str, ...] = KEEP
    areas: tuple[str, ...] = KEEP
    personal_data: bool = KEEP
    active: bool = KEEP

    def given(self) -> dict[str, Any]:
        named = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in named.items() if value is not KEEP}


@dataclass(frozen=True)
class EventsQuery:
    after: int = 0
    limit: int = 50
    event_types: tuple[str, ...] = ()
    area: str | None = None
    subscription_id: str | None = None


@dataclass(frozen=True)
class SubscriptionDeliveriesQuery:
    limit: int = 50
    after: str | None = None
    status: str | None = None
