"""What an attacker or a broken client sends, by the kind of field it is sent to.

Every value here must be refused by the field it is put in: the hostile-input test asserts that
no route accepts one, answers 5xx, or changes a stored row.
"""

from __future__ import annotations

from typing import Any

from tests.support.digits import fullwidth, thai

# Refused by the one text rule for every string of every request: 422 naming the field.
TEXT_RULE = {
    "nul": "a\x00b",
    "lone surrogate": "a\ud800b",
    "bell": "a\x07b",
    "escape": "\x1b[31mred",
    "delete": "a\x7fb",
    "c1 control": "a\x9bb",
}
ANY_STRING = {"huge": "x" * 70_000}
WRONG_TYPES = {"object": {"a": 1}, "list of numbers": [1, 2], "boolean": True, "text": "maybe"}
CODES = {
    "thai digits": thai("2401"),
    "fullwidth digits": fullwidth("2401"),
    "trailing newline": "2401\n",
    "no such village": "99999999",
    "village 00": "24010100",
    "thai village digits": "240101" + thai("01"),
}
MONEY = {
    "exponent": "1e3",
    "underscore": "1_000.00",
    "padded": " 100.00",
    "thai digits": thai("100"),
    "fullwidth digits": fullwidth("100"),
    "negative": "-1.00",
    "not a number": "NaN",
    "sub-satang": "1.001",
}
NATIONAL_IDS = {
    "fullwidth": fullwidth("1101700230708"),
    "thai digits": thai("1101700230708"),
    "bad check digit": "1101700230709",
}
DATES = {
    "year one": "0001-01-01",
    "year 9999": "9999-12-31",
    "no such day": "2026-02-30",
    "thai digits": thai("2026-01-01"),
}
DATE_TIMES = {
    "year one": "0001-01-01T00:00:00+00:00",
    "year 9999": "9999-12-31T23:59:59+00:00",
}
INTEGERS = {"enormous": 10**30, "superscript": "²", "thai digit": thai("3")}
CODE_WORDS = ("code", "area", "coverage", "village", "district", "tambon", "province")


def hostile_values(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The hostile values for the property `name` with this (resolved) OpenAPI schema."""
    kind = _types(schema)
    values = {label: v for label, v in WRONG_TYPES.items() if _json_type(v) not in kind}
    if "integer" in kind:
        values.update(INTEGERS)
    if "string" in kind:
        values.update({**TEXT_RULE, **ANY_STRING, **_special(name, schema)})
    return values


def _special(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    form = schema.get("format")
    if form == "date":
        return DATES
    if form == "date-time":
        return DATE_TIMES
    if form == "decimal" or name.endswith("_thb"):
        return MONEY
    if name == "national_id":
        return NATIONAL_IDS
    if any(word in name for word in CODE_WORDS):
        return CODES
    return {}


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", bool: "boolean", str: "string"}
    return names.get(type(value), "number")


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", "string")
    return set(kind) if isinstance(kind, list) else {kind}


def is_text_rule(value: Any) -> bool:
    return isinstance(value, str) and value in TEXT_RULE.values()
