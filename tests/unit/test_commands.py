"""How a loaded payload becomes a typed command (`infra.commands`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from infra.commands import command_of


class Kind(enum.Enum):
    CASH = "cash"
    GOODS = "goods"


@dataclass(frozen=True)
class Line:
    kind: Kind
    amount: Decimal


@dataclass(frozen=True)
class Record:
    on: date
    lines: tuple[Line, ...]
    codes: tuple[str, ...] = ()
    note: str | None = None
    kind: Kind | None = None
    pair: tuple[int, str] | None = None


def test_fields_are_taken_by_name_and_lists_become_tuples_of_their_kind():
    loaded = {
        "on": date(2026, 12, 1),
        "lines": [{"kind": "cash", "amount": Decimal("10.50")}],
        "codes": ["100101", "100102"],
        "kind": "goods",
        "pair": [1, "a"],
    }
    record = command_of(Record, loaded)
    assert record == Record(
        date(2026, 12, 1),
        (Line(Kind.CASH, Decimal("10.50")),),
        ("100101", "100102"),
        None,
        Kind.GOODS,
        (1, "a"),
    )
    hash(record)  # frozen all the way down: a command can be a key


def test_a_missing_field_takes_its_default_and_an_unknown_one_is_ignored():
    record = command_of(Record, {"on": date(2026, 1, 1), "lines": [], "client_key": "k"})
    assert record == Record(date(2026, 1, 1), ())


def test_a_missing_required_field_is_a_programming_error_not_a_silent_default():
    with pytest.raises(TypeError):
        command_of(Record, {"lines": []})


def test_none_stays_none_for_an_optional_field():
    record = command_of(Record, {"on": date(2026, 1, 1), "lines": [], "kind": None})
    assert record.kind is None
