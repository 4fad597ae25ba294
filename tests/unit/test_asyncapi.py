"""`/asyncapi.json`: AsyncAPI 3.0 in shape (structural checks: no AsyncAPI schema ships in a
pinned package), and every producer's contract in it, with its version, fields and example."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gateway.asyncapi import build, message_id
from infra.catalogue import published

DOCUMENT = build("test")
COMPONENT_KEY = re.compile(r"^[a-zA-Z0-9.\-_]+$")


def resolve(ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = DOCUMENT
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_the_document_has_the_shape_of_asyncapi_3():
    assert DOCUMENT["asyncapi"] == "3.0.0"
    assert {"title", "version"} <= set(DOCUMENT["info"])
    assert set(DOCUMENT) <= {
        "asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations",
        "components",
    }  # fmt: skip
    for channel in DOCUMENT["channels"].values():
        assert isinstance(channel["address"], str) and channel["messages"]
    for operation in DOCUMENT["operations"].values():
        assert operation["action"] in ("send", "receive")
        assert set(operation["channel"]) == {"$ref"}
        assert operation["messages"]
    for section in DOCUMENT["components"].values():
        assert all(COMPONENT_KEY.match(key) for key in section)
    for message in DOCUMENT["components"]["messages"].values():
        assert message["payload"]["type"] == "object"


def test_every_reference_resolves():
    for ref in refs(DOCUMENT):
        assert resolve(ref) is not None


def test_an_operations_messages_are_those_of_its_channel():
    for operation in DOCUMENT["operations"].values():
        channel_ref = operation["channel"]["$ref"]
        for message in operation["messages"]:
            assert message["$ref"].startswith(channel_ref + "/messages/")


@pytest.mark.parametrize("item", published(), ids=message_id)
def test_every_contract_is_in_the_catalogue_with_its_fields(item):
    message = DOCUMENT["components"]["messages"][message_id(item)]
    payload = message["payload"]["properties"]
    assert payload["event_type"]["const"] == item.event_type
    assert payload["version"]["const"] == item.contract.version
    assert payload["source"]["const"] == item.source
    data = resolve(payload["data"]["$ref"])
    assert set(data["properties"]) == set(item.contract.schema._declared_fields)
    marked = {name for name, field in data["properties"].items() if field.get("x-personal-data")}
    assert marked == set(item.personal) == set(message["x-personal-data"])
    channel = DOCUMENT["channels"][f"{item.source}.{item.event_type}"]
    assert f"v{item.contract.version}" in channel["messages"]


@pytest.mark.parametrize("item", published(), ids=message_id)
def test_every_contracts_example_fits_its_message(item):
    message = DOCUMENT["components"]["messages"][message_id(item)]
    schema = {**message["payload"], "components": DOCUMENT["components"]}  # local refs resolve
    validator = Draft202012Validator(schema)
    for example in message["examples"]:
        assert list(validator.iter_errors(example["payload"])) == []
    assert message["examples"][0]["payload"]["data"] == item.contract.example


def test_a_message_without_its_data_does_not_fit():
    message = DOCUMENT["components"]["messages"]["households.household_registered.v1"]
    schema = {**message["payload"], "components": DOCUMENT["components"]}
    example = dict(message["examples"][0]["payload"])
    example["data"] = {k: v for k, v in example["data"].items() if k != "household_id"}
    assert list(Draft202012Validator(schema).iter_errors(example))
