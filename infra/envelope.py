"""The event envelope and the contracts producers publish and consumers check.

Every event on the bus is an envelope: event_id, event_type, version, occurred_at, source,
correlation_id and data. A producer declares each event it publishes as an `EventContract` with a
marshmallow schema and an example; a consumer keeps its own minimal schema and reads envelopes with
`read_event`, which refuses (as `UnprocessableEvent`, parked without retries) what it cannot
understand.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields

from infra.event_dump import PlainDump


class UnprocessableEvent(Exception):
    """The event can never be handled as it is (bad shape, unknown version): park it, do not
    retry.
    """


@dataclass(frozen=True)
class Envelope:
    event_type: str
    data: dict[str, Any]
    source: str
    version: int = 1
    correlation_id: str | None = None
    traceparent: str | None = None  # the span that caused the event, when tracing is on
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    occurred_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (built by hand: `dataclasses.asdict` deep-copies the data, and an import
        of thousands of households emits thousands of these)."""
        envelope = {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "version": self.version,
            "occurred_at": self.occurred_at,
            "source": self.source,
            "correlation_id": self.correlation_id,
            "data": self.data,
        }
        if self.traceparent:
            envelope["traceparent"] = self.traceparent
        return envelope


@dataclass(frozen=True)
class EventContract:
    """An event a service publishes: its name, version, data schema and a valid example."""

    event_type: str
    version: int
    schema: type[Schema]
    example: dict[str, Any]

    def serialise(self, data: dict[str, Any]) -> dict[str, Any]:
        """Domain values (UUID, Decimal, date) to the JSON-safe form the schema defines: plain
        values without marshmallow (`event_dump`), anything else through the schema."""
        dumped = _instance(self.schema)[1](data)
        return self.serialise_with_schema(data) if dumped is None else dumped

    def serialise_with_schema(self, data: dict[str, Any]) -> dict[str, Any]:
        """The schema's dump, checked against the schema."""
        schema = _instance(self.schema)[0]
        dumped = schema.dump(data)
        errors = schema.validate(dumped)
        if errors:
            raise ValueError(
                f"{self.event_type} v{self.version} data breaks its contract: {errors}"
            )
        return dumped


@cache
def _instance(schema_cls: type[Schema]) -> tuple[Schema, PlainDump]:
    """One schema instance per class: building one per event cost more than the dump."""
    schema = schema_cls()
    return schema, PlainDump(schema)


class _EnvelopeSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    event_id = fields.UUID(required=True)
    event_type = fields.String(required=True)
    version = fields.Integer(required=True, strict=True)
    occurred_at = fields.AwareDateTime(required=True)
    source = fields.String(required=True)
    correlation_id = fields.String(load_default=None, allow_none=True)
    data = fields.Dict(required=True)


@dataclass(frozen=True)
class ReceivedEvent:
    event_id: str
    event_type: str
    version: int
    occurred_at: datetime
    source: str
    correlation_id: str | None
    data: dict[str, Any]


def read_event(payload: Any, schemas: dict[int, type[Schema]]) -> ReceivedEvent:
    """Check an incoming envelope and its data against the consumer's schema for that version."""
    try:
        head = _ENVELOPE.load(payload)
    except (ValidationError, TypeError) as exc:
        raise UnprocessableEvent(f"malformed envelope: {_fields_of(exc)}") from None
    schema = schemas.get(head["version"])
    if schema is None:
        raise UnprocessableEvent(
            f"{head['event_type']} version {head['version']} is not understood"
        )
    try:
        data = _loader(schema).load(head["data"])
    except ValidationError as exc:
        raise UnprocessableEvent(f"{head['event_type']} data invalid: {_fields_of(exc)}") from None
    return ReceivedEvent(**{**head, "event_id": str(head["event_id"]), "data": data})


_ENVELOPE = _EnvelopeSchema()


@cache
def _loader(schema: type[Schema]) -> Schema:
    """One instance per schema, made once: loading keeps no state in it, making one costs."""
    return schema(unknown=EXCLUDE)


def _fields_of(exc: Exception) -> str:
    """Name the offending fields without echoing their values (they may be personal data)."""
    messages = getattr(exc, "messages", None)
    return ", ".join(sorted(messages)) if isinstance(messages, dict) else type(exc).__name__
