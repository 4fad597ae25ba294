"""apispec's field-to-property hooks: what every field says in the OpenAPI document beyond its
type, so the document is as strict as the validation and a generated client types it well.

- text with no pattern, format or choices of its own states the input rule every request meets
  (gateway.input_rules: no NUL or other control character but newline and tab);
- an integer read from a request states the range a database integer holds (INTEGER_LIMIT);
- a nullable choice is `anyOf: [{enum}, {null}]`, not `type: [string, null]` with `null` among
  the choices, which generators turn into several enum types.
"""

from __future__ import annotations

from typing import Any

from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields

from infra.fields import INTEGER_LIMIT, Integer

# gateway.input_rules.FORBIDDEN_TEXT as a JSON Schema pattern (lone surrogates are not UTF-8 text)
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]*$"
# Ids (UUIDs) and file names: URL-safe characters, never "." or ".." (which clients resolve away)
PATH_SEGMENT_PATTERN = "^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$"


def install(plugin: MarshmallowPlugin) -> None:
    """Add the hooks to `plugin` (after apispec's own, which they refine)."""
    converter = plugin.converter
    assert converter is not None, "install after APISpec(plugins=[plugin]) has set it up"
    for hook in (_plain_text, _database_integer, _nullable_choice):
        converter.add_attribute_function(hook)


def add_schema_rules(plugin: MarshmallowPlugin, components: dict[str, Any]) -> None:
    """A schema's rules across its fields (`openapi_rules`: if/then, ...), into its component."""
    assert plugin.converter is not None
    for key, name in plugin.converter.refs.items():
        rules = getattr(key[0], "openapi_rules", None)
        if rules and name in components:
            _merge(components[name], rules)


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _plain_text(self: Any, field: fields.Field, ret: dict[str, Any], **_: Any) -> dict[str, Any]:
    if not isinstance(field, fields.String) or {"pattern", "format", "enum"} & ret.keys():
        return {}
    return {"pattern": TEXT_PATTERN}


def _database_integer(
    self: Any, field: fields.Field, ret: dict[str, Any], **_: Any
) -> dict[str, Any]:
    if not isinstance(field, Integer):  # the kind that holds the limit (plain ones are answers)
        return {}
    return {
        "minimum": ret.get("minimum", -INTEGER_LIMIT),
        "maximum": ret.get("maximum", INTEGER_LIMIT),
    }


def _nullable_choice(
    self: Any, field: fields.Field, ret: dict[str, Any], **_: Any
) -> dict[str, Any]:
    types = ret.get("type")
    if "enum" not in ret or not isinstance(types, list) or "null" not in types:
        return {}
    choices = [choice for choice in ret.pop("enum") if choice is not None]
    kinds = [kind for kind in ret.pop("type") if kind != "null"]
    choice = {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": choices}
    ret["anyOf"] = [choice, {"type": "null"}]
    return {}
