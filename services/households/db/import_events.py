"""The events a batch of a BMN import announces for the households it registered, as outbox rows
(handed to `uow.emit_prepared`, the unit of work's bulk door).

Two ways to announce them (`HOUSEHOLDS.import_events`):
- `per_tambon` (the default): one `households_imported` per batch and tambon listing its new
  households, a few hundred messages for a province file; teams reads it.
- `per_household`: one `household_registered` per household. Costly at import scale: a hundred
  thousand outbox rows, relayed one message each.

Payloads are built here in their JSON form, not through marshmallow (which would dominate an
import); the unit tests check them against the contracts in `events.py`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from infra.unit_of_work import PreparedEvent
from services.households.imports.rows import BmnRow

PER_HOUSEHOLD, PER_TAMBON = "per_household", "per_tambon"
TAMBON_DIGITS = 6


def import_events(
    mode: str, pairs: list[tuple[str, BmnRow]], batch: dict[str, Any], stamp: str
) -> list[PreparedEvent]:
    """`batch` holds `import_id`, `survey_year` and `correlation_id`; `stamp` an ISO time."""
    correlation = batch["correlation_id"]
    if mode == PER_TAMBON:
        return [_imported(tambon, group, batch, stamp) for tambon, group in _by_tambon(pairs)]
    return [_registered(hid, row, stamp, correlation) for hid, row in pairs]


def registered_data(hid: str, r: BmnRow, stamp: str) -> dict[str, Any]:
    return {
        "household_id": hid,
        "village_code": r.village_code,
        "member_count": r.size,
        "registered_at": stamp,
    }


def _registered(hid: str, r: BmnRow, stamp: str, correlation_id: str | None) -> PreparedEvent:
    """What `Envelope(...).to_dict()` would give, written directly: every value is JSON-safe text
    already (a UUID, digits, an ISO time, a correlation id restricted to [A-Za-z0-9._:-])."""
    event_id = str(uuid.uuid4())
    correlation = "null" if correlation_id is None else f'"{correlation_id}"'
    payload = (
        f'{{"event_type": "household_registered", "data": {{"household_id": "{hid}", '
        f'"village_code": "{r.village_code}", "member_count": {r.size}, '
        f'"registered_at": "{stamp}"}}, "source": "households", "version": 1, '
        f'"correlation_id": {correlation}, "event_id": "{event_id}", "occurred_at": "{stamp}"}}'
    )
    return PreparedEvent(event_id, "household_registered", payload)


def _by_tambon(pairs: list[tuple[str, BmnRow]]) -> list[tuple[str, list[tuple[str, BmnRow]]]]:
    groups: dict[str, list[tuple[str, BmnRow]]] = defaultdict(list)
    for hid, row in pairs:
        groups[row.village_code[:TAMBON_DIGITS]].append((hid, row))
    return sorted(groups.items())


def _imported(
    tambon: str, group: list[tuple[str, BmnRow]], batch: dict[str, Any], stamp: str
) -> PreparedEvent:
    """Written directly as JSON, like `_registered` (json.dumps was a tenth of an import's time):
    every value is a UUID, digits, a number, an ISO time or a restricted correlation id."""
    event_id = str(uuid.uuid4())
    correlation_id = batch["correlation_id"]
    correlation = "null" if correlation_id is None else f'"{correlation_id}"'
    households = ", ".join(
        f'{{"household_id": "{hid}", "village_code": "{r.village_code}", "member_count": {r.size}}}'
        for hid, r in group
    )
    import_id, year = batch["import_id"], batch["survey_year"]
    payload = (
        f'{{"event_id": "{event_id}", "event_type": "households_imported", "version": 1, '
        f'"occurred_at": "{stamp}", "source": "households", "correlation_id": {correlation}, '
        f'"data": {{"import_id": "{import_id}", "survey_year": {year}, '
        f'"tambon_code": "{tambon}", "registered_at": "{stamp}", "households": [{households}]}}}}'
    )
    return PreparedEvent(event_id, "households_imported", payload)
