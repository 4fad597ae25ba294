"""Loading a collection sheet: a fast path for well-formed sheets, marshmallow for the rest.

Checking a 30-line sheet with `CollectionSheetIn` cost more than any single database statement
the sheet runs. Almost every sheet is well formed, so this module accepts only the plainest
well-formed shape (canonical UUIDs, `YYYY-MM-DD`, amounts like `123.45`) and builds exactly what
`CollectionSheetIn` would load from it. Anything else, right or wrong, goes to the schema, so
what it accepts and every error it names stay the schema's.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from infra.dates import BOOKED
from services.funding.schemas.common import CLIENT_KEY, parse
from services.funding.schemas.repayments import CollectionSheetIn
from services.funding.vocabulary import amount_problem

SHEET_FIELDS = frozenset({"client_key", "meeting_on", "lines"})
LINE_FIELDS = frozenset({"kind", "amount_thb", "member_id", "loan_id"})
SUBJECT = {"deposit": "member_id", "repayment": "loan_id"}
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PLAIN_AMOUNT = re.compile(r"[0-9]{1,9}(\.[0-9]{1,2})?")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Unusual(Exception):
    """Not the plain shape: the schema decides."""


def parse_sheet(payload: Any) -> dict[str, Any]:
    """The sheet as `CollectionSheetIn` loads it; raises its `ValidationFailed` if wrong."""
    try:
        return _plain_sheet(payload)
    except _Unusual:
        return parse(CollectionSheetIn, payload)


def _plain_sheet(payload: Any) -> dict[str, Any]:
    if type(payload) is not dict or payload.keys() != SHEET_FIELDS:
        raise _Unusual
    key, lines = payload["client_key"], payload["lines"]
    if type(key) is not str or not CLIENT_KEY.regex.match(key):
        raise _Unusual
    if type(lines) is not list or not lines:
        raise _Unusual
    return {
        "client_key": key,
        "meeting_on": _day(payload["meeting_on"]),
        "lines": [_line(line) for line in lines],
    }


def _line(given: Any) -> dict[str, Any]:
    if type(given) is not dict or not given.keys() <= LINE_FIELDS:
        raise _Unusual
    kind = given.get("kind")
    if type(kind) is not str or kind not in SUBJECT:
        raise _Unusual
    line = {
        "kind": kind,
        "amount_thb": _amount(given.get("amount_thb")),
        "member_id": _id(given.get("member_id")),
        "loan_id": _id(given.get("loan_id")),
    }
    if line[SUBJECT[kind]] is None:
        raise _Unusual
    return line


def _amount(given: Any) -> Decimal:
    if type(given) is not str or not PLAIN_AMOUNT.fullmatch(given):
        raise _Unusual
    amount = Decimal(given)
    if amount_problem(amount):
        raise _Unusual
    return amount


def _id(given: Any) -> str | None:
    if given is None:
        return None
    if type(given) is not str or not CANONICAL_UUID.fullmatch(given):
        raise _Unusual
    return given


def _day(given: Any) -> date:
    if type(given) is not str or not ISO_DAY.fullmatch(given):
        raise _Unusual
    try:
        day = date.fromisoformat(given)
    except ValueError:
        raise _Unusual from None
    if BOOKED.problem(day):
        raise _Unusual
    return day
