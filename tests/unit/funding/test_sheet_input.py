"""The collection sheet's fast path loads exactly what `CollectionSheetIn` loads, and refuses
with exactly its errors."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infra.errors import ValidationFailed
from services.funding.schemas.common import parse
from services.funding.schemas.repayments import CollectionSheetIn
from services.funding.schemas.sheet_input import _plain_sheet, parse_sheet

IDS = st.uuids().map(str)
ODD_IDS = st.one_of(IDS.map(str.upper), st.uuids().map(lambda u: u.hex), st.just("not-an-id"))
AMOUNTS = st.sampled_from(["100.00", "5", "0.01", "99999999.99", "1.5", "250.10"])
ODD_AMOUNTS = st.sampled_from(["0", "-5.00", "100.001", "1e3", " 7", "NaN", "", "1,000"])
# a booking day: from 2000 to 2100 (infra.dates.BOOKED)
MEETING_DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
ODD_DAYS = st.sampled_from(["2026-02-30", "9999-12-31", "0001-01-01", "1999-12-31"])
VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans())


def line(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    subject = "member_id" if kind == "deposit" else "loan_id"
    return st.fixed_dictionaries(
        {"kind": st.just(kind), "amount_thb": AMOUNTS, subject: IDS},
        optional={"member_id" if kind != "deposit" else "loan_id": st.one_of(st.none(), IDS)},
    )


GOOD_LINES = st.lists(st.one_of(line("deposit"), line("repayment")), min_size=1, max_size=6)


@st.composite
def sheets(draw: st.DrawFn, spoil: bool) -> dict[str, Any]:
    sheet = {
        "client_key": draw(st.sampled_from(["k-1", "phone:2026-12-21", "a.b_c"])),
        "meeting_on": draw(MEETING_DAYS.map(date.isoformat)),
        "lines": draw(GOOD_LINES),
    }
    if spoil:
        target = draw(st.sampled_from(["sheet", "line"]))
        spoilt = sheet if target == "sheet" else draw(st.sampled_from(sheet["lines"]))
        field = draw(st.sampled_from([*sorted(spoilt), "extra"]))
        spoilers = [VALUES, ODD_IDS, ODD_AMOUNTS, ODD_DAYS, st.just([])]
        spoilers.append(st.sampled_from(["deposit", "withdrawal", "20261221", "k 1"]))
        value = draw(st.one_of(*spoilers))
        if draw(st.booleans()):
            spoilt[field] = value
        else:
            spoilt.pop(field, None)
    return sheet


def outcome(load: Any, payload: dict[str, Any]) -> Any:
    try:
        return load(payload)
    except ValidationFailed as refused:
        return [(e.field, e.message) for e in refused.errors]


@settings(max_examples=300)
@given(st.one_of(sheets(spoil=False), sheets(spoil=True)))
def test_the_fast_path_agrees_with_the_schema(payload: dict[str, Any]) -> None:
    by_schema = outcome(lambda p: parse(CollectionSheetIn, p), payload)
    assert outcome(parse_sheet, payload) == by_schema


@settings(max_examples=100)
@given(sheets(spoil=False))
def test_a_well_formed_sheet_takes_the_fast_path(payload: dict[str, Any]) -> None:
    assert _plain_sheet(payload) == parse(CollectionSheetIn, payload)


@pytest.mark.parametrize("amount", ["0", "100.001", "-1.00"])
def test_a_bad_amount_is_named_by_its_line(amount: str) -> None:
    lines = [
        {"kind": "deposit", "member_id": str(uuid.uuid4()), "amount_thb": "100.00"},
        {"kind": "deposit", "member_id": str(uuid.uuid4()), "amount_thb": amount},
    ]
    sheet = {"client_key": "k", "meeting_on": "2026-12-21", "lines": lines}
    with pytest.raises(ValidationFailed) as refused:
        parse_sheet(sheet)
    assert [e.field for e in refused.value.errors] == ["lines.1.amount_thb"]
