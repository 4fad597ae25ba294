"""The event catalogue, `/asyncapi.json` (AsyncAPI 3.0): every published event with its versions
and payload schema, made from the producers' contracts (`infra.catalogue`), as outside systems
receive them (webhooks of `/api/v1/subscriptions`, replay from `/api/v1/events`)."""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields

from gateway import openapi_fields
from infra.catalogue import Published, published

DESCRIPTION = (
    "Events of Smile Cases, delivered to registered systems as Standard Webhooks "
    "(`POST /api/v1/subscriptions`) and replayable with `GET /api/v1/events?after=<cursor>`. "
    "Each message is the published envelope plus `cursor` (the position to resume after) and "
    "`area_code` (the event's village, tambon or other DOPA area; null when it has none). Fields "
    "marked `x-personal-data` are left out unless the subscription was granted personal data."
)
ENVELOPE: dict[str, Any] = {
    "cursor": {"type": "string", "pattern": "^[0-9]+$"},
    "event_id": {"type": "string", "format": "uuid"},
    "occurred_at": {"type": "string", "format": "date-time"},
    "correlation_id": {"type": ["string", "null"]},
    "area_code": {"type": ["string", "null"]},
}


def build(version: str) -> dict[str, Any]:
    events = published()
    schemas, names = _data_schemas(events)
    document: dict[str, Any] = {
        "asyncapi": "3.0.0",
        "info": {"title": "Smile Cases events", "version": version, "description": DESCRIPTION},
        "defaultContentType": "application/json",
        "channels": {},
        "operations": {},
        "components": {"messages": {}, "schemas": schemas},
    }
    for item in events:
        _add(document, item, names[item.contract.schema])
    return document


def channel_id(item: Published) -> str:
    return f"{item.source}.{item.event_type}"


def message_id(item: Published) -> str:
    return f"{item.source}.{item.event_type}.v{item.contract.version}"


def _add(document: dict[str, Any], item: Published, data_schema: str) -> None:
    channel = document["channels"].setdefault(
        channel_id(item),
        {"address": f"{item.source}/{item.event_type}", "messages": {}},
    )
    name = f"v{item.contract.version}"
    channel["messages"][name] = {"$ref": f"#/components/messages/{message_id(item)}"}
    document["components"]["messages"][message_id(item)] = _message(item, data_schema)
    operation = document["operations"].setdefault(
        f"{channel_id(item)}.send",
        {"action": "send", "channel": {"$ref": f"#/channels/{channel_id(item)}"}, "messages": []},
    )
    operation["messages"].append({"$ref": f"#/channels/{channel_id(item)}/messages/{name}"})


def _message(item: Published, data_schema: str) -> dict[str, Any]:
    contract = item.contract
    envelope = {
        **ENVELOPE,
        "event_type": {"type": "string", "const": contract.event_type},
        "version": {"type": "integer", "const": contract.version},
        "source": {"type": "string", "const": item.source},
        "data": {"$ref": f"#/components/schemas/{data_schema}"},
    }
    return {
        "name": contract.event_type,
        "title": f"{contract.event_type} v{contract.version}",
        "contentType": "application/json",
        "payload": {
            "type": "object",
            "properties": envelope,
            "required": sorted(set(envelope) - {"cursor", "correlation_id", "area_code"}),
        },
        "examples": [{"name": "example", "payload": _example(item)}],
        "x-personal-data": sorted(item.personal),
    }


def _example(item: Published) -> dict[str, Any]:
    return {
        "event_id": "00000000-0000-4000-8000-000000000001",
        "event_type": item.event_type,
        "version": item.contract.version,
        "occurred_at": "2026-11-21T03:00:00+00:00",
        "source": item.source,
        "data": item.contract.example,
    }


def _data_schemas(events: tuple[Published, ...]) -> tuple[dict[str, Any], dict[type, str]]:
    """The contracts' data schemas, each once, under the id of the first message that carries it
    (nested schemas under their own names); and which name each schema class got."""
    plugin = MarshmallowPlugin()
    spec = APISpec("events", "1", "3.1.0", plugins=[plugin])
    plugin.map_to_openapi_type(fields.Decimal, "string", "decimal")
    openapi_fields.install(plugin)
    names: dict[type, str] = {}
    for item in events:
        if item.contract.schema not in names:
            names[item.contract.schema] = message_id(item)
            spec.components.schema(message_id(item), schema=item.contract.schema)
    schemas: dict[str, Any] = spec.to_dict()["components"]["schemas"]
    for item in events:
        _mark_personal(schemas[names[item.contract.schema]], item.personal)
    return schemas, names


def _mark_personal(schema: dict[str, Any], personal: frozenset[str]) -> None:
    schema.pop("additionalProperties", None)  # a version may gain fields; consumers ignore them
    for name in personal:
        schema["properties"][name]["x-personal-data"] = True
    required = [name for name in schema.get("required", []) if name not in personal]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
