"""Template parameters kept with an escalation: JSON in the database, typed values for texts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

DATES = frozenset({"due_on", "as_of", "until"})
TIMES = frozenset({"since"})
MONEY = frozenset({"arrears", "before", "after"})


def to_json(params: dict[str, Any]) -> dict[str, Any]:
    return {key: _plain(value) for key, value in params.items()}


def from_json(stored: dict[str, Any]) -> dict[str, Any]:
    return {key: _typed(key, value) for key, value in stored.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _typed(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in DATES:
        return date.fromisoformat(value)
    if key in TIMES:
        return datetime.fromisoformat(value)
    if key in MONEY:
        return Decimal(value)
    return value
