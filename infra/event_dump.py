"""Dumping event data without marshmallow, for the plain values a use case hands over.

Dumping then checking an event with its schema can cost more than the change that emits it (a
collection sheet emits one `loan_repaid` per loan). A `PlainDump` is made from the schema itself:
field by field it turns a value of exactly the expected Python type (a canonical UUID string, a
finite `Decimal`, an aware `datetime`...) into what the schema's dump gives, already known to
pass the schema's check. Any other value makes it answer None, and the caller uses the schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from marshmallow import Schema, fields

CENT = Decimal("0.01")  # the only places a plain money field may have
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MISSING = object()


class _Unusual(Exception):
    """Not a plain value: the schema decides."""


def _uuid(value: Any) -> str:
    if type(value) is not str or not CANONICAL_UUID.fullmatch(value):
        raise _Unusual
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Unusual
    return value


def _money(value: Any) -> str:
    if type(value) is not Decimal or not value.is_finite():
        raise _Unusual
    return format(value.quantize(CENT), "f")


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise _Unusual
    return value


def _aware(value: Any) -> str:
    if type(value) is not datetime or value.utcoffset() is None:
        raise _Unusual
    return value.isoformat()


def _day(value: Any) -> str:
    if type(value) is not date:
        raise _Unusual
    return value.isoformat()


def _converter(field: fields.Field) -> Callable[[Any], Any] | None:
    """How to dump one field's plain values, or None if this field is not handled here."""
    if field.validators or field.data_key or field.attribute or not field.required:
        return None
    if type(field) is fields.Decimal:
        plain = field.as_string and field.places == CENT and field.rounding is None
        return _money if plain and not field.allow_nan else None
    if isinstance(field, fields.Date | fields.DateTime) and field.format not in (None, "iso"):
        return None
    simple = {
        fields.UUID: _uuid,
        fields.String: _text,
        fields.Boolean: _flag,
        fields.AwareDateTime: _aware,
        fields.Date: _day,
    }
    return simple.get(type(field))


class PlainDump:
    """The schema's dump of plain data, or None where the schema must decide."""

    def __init__(self, schema: Schema) -> None:
        found = {name: _converter(field) for name, field in schema.fields.items()}
        self.usable = all(found.values()) and not schema.load_fields.keys() - found.keys()
        self.converters = found
        self.nullable = {name for name, field in schema.fields.items() if field.allow_none}

    def __call__(self, data: dict[str, Any]) -> dict[str, Any] | None:
        if not self.usable:
            return None
        try:
            return {
                name: self._one(name, convert, data) for name, convert in self.converters.items()
            }
        except _Unusual:
            return None

    def _one(self, name: str, convert: Any, data: dict[str, Any]) -> Any:
        value = data.get(name, _MISSING)
        if value is None and name in self.nullable:
            return None
        if value is _MISSING:
            raise _Unusual
        return convert(value)
