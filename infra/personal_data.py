"""Personal data in published events: a producer marks a field of its contract's schema with
`metadata=PERSONAL` (names, contact addresses, incomes, a named household's or member's money).
Outside systems receive an event without its marked fields unless they were granted them."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema

PERSONAL: dict[str, Any] = {"personal": True}


def personal_fields(schema: type[Schema]) -> frozenset[str]:
    """The names of the schema's fields marked personal (top level: a marked nested field goes
    whole)."""
    declared = schema._declared_fields
    return frozenset(
        name for name, field in declared.items() if field.metadata.get("personal") is True
    )


def without_personal_data(data: dict[str, Any], personal: frozenset[str]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if name not in personal}
