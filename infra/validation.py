"""Loading RPC payloads with marshmallow; failures become `ValidationFailed` naming every field."""

from __future__ import annotations

from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError

from infra.errors import FieldError, ValidationFailed
from infra.pagination import Page


def load(schema: Schema | type[Schema], payload: Any) -> Any:
    """Validate and load `payload`; pass the schema class (its instance is made once and reused:
    building a marshmallow schema costs more than loading a small payload)."""
    instance = _instance(schema) if isinstance(schema, type) else schema
    try:
        return instance.load(payload)
    except ValidationError as exc:
        raise ValidationFailed("the request is not valid", field_errors(exc.messages)) from None


@cache
def _instance(schema_cls: type[Schema]) -> Schema:
    return schema_cls()


def field_errors(messages: Any, prefix: str = "") -> list[FieldError]:
    """marshmallow's nested messages as flat `a.0.b` field paths."""
    if isinstance(messages, dict):
        return [
            error
            for key, nested in messages.items()
            for error in field_errors(nested, _path(prefix, key))
        ]
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [FieldError(prefix or "body", m) for m in messages]
    if isinstance(messages, list):
        return [
            e for i, nested in enumerate(messages) for e in field_errors(nested, _path(prefix, i))
        ]
    return [FieldError(prefix or "body", str(messages))]


def _path(prefix: str, key: Any) -> str:
    key = "body" if key == "_schema" and not prefix else key
    if key == "_schema":
        return prefix
    return f"{prefix}.{key}" if prefix else str(key)


def dump(schema: type[Schema], value: Any, *, many: bool = False) -> Any:
    """Serialise with a schema instance made once per class (and `many`) and reused."""
    return _dumper(schema, many).dump(value)


def listed(schema: type[Schema], found: Page[Any], **extra: Any) -> dict[str, Any]:
    """A list RPC's answer: `{"items": [...], "next": cursor-or-null}` (and `extra` fields)."""
    return {"items": dump(schema, found.items, many=True), "next": found.next, **extra}


@cache
def _dumper(schema_cls: type[Schema], many: bool) -> Schema:
    return schema_cls(many=many)
