"""Every event the services publish, read from the producers' own contracts (`PUBLISHED` in
`services/<name>/events.py`): the event log of outside subscribers and `/asyncapi.json` are made
from it, so a new contract is covered with no other change."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from infra.config import load_config
from infra.envelope import EventContract
from infra.personal_data import personal_fields

AREA_FIELDS = ("village_code", "tambon_code", "area_code")
"""Where an event's area is read, in this order; an event with none of them has no area."""


@dataclass(frozen=True)
class Published:
    source: str
    contract: EventContract

    @property
    def event_type(self) -> str:
        return self.contract.event_type

    @property
    def personal(self) -> frozenset[str]:
        return personal_fields(self.contract.schema)

    @property
    def area_field(self) -> str | None:
        declared = self.contract.schema._declared_fields
        return next((name for name in AREA_FIELDS if name in declared), None)


@cache
def published() -> tuple[Published, ...]:
    """Every (source, contract), in the order of SERVICES and of each `PUBLISHED`."""
    return tuple(
        Published(source, contract)
        for source in load_config()["SERVICES"]
        for contract in _contracts_of(source)
    )


def event_types() -> frozenset[str]:
    return frozenset(p.event_type for p in published())


def versions_by_event() -> dict[tuple[str, str], dict[int, Published]]:
    """(source, event type) -> {version: published}."""
    versions: dict[tuple[str, str], dict[int, Published]] = {}
    for item in published():
        versions.setdefault((item.source, item.event_type), {})[item.contract.version] = item
    return versions


def _contracts_of(source: str) -> Iterable[EventContract]:
    try:
        module = importlib.import_module(f"services.{source}.events")
    except ModuleNotFoundError:
        return ()
    return getattr(module, "PUBLISHED", ())
