"""The value kinds of request payloads (infra/fields.py): each refuses what is not its kind with a
message, and loads what is in one form."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError

from infra.dates import BIRTH, HAPPENED, PLANNED, RUN
from infra.fields import (
    WEB_ADDRESS_PATTERN,
    AreaCode,
    Day,
    Integer,
    Line,
    Moment,
    Money,
    NationalId,
    PlainDecimal,
    Text,
    WebAddress,
)
from infra.national_id import canonical_national_id, national_id_problem, repaired_national_id
from tests.support.digits import fullwidth, thai

NID = "1101700230708"
TODAY = datetime.now(UTC).date()
# every decimal digit of every script but ASCII's
OTHER_DIGITS = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


class Body(Schema):
    amount = Money()
    rate = PlainDecimal()
    national_id = NationalId()
    area = AreaCode()
    village = AreaCode("village")
    visit_day = Day(HAPPENED)
    due = Day(PLANNED)
    born = Day(BIRTH)
    run_on = Day(RUN)
    visited_at = Moment(HAPPENED)
    name = Line(1, 20)
    note = Text(0, 200)
    hook = WebAddress()


def loaded(field: str, value: Any) -> Any:
    return Body().load({field: value})[field]


def refused(field: str, value: Any) -> str:
    with pytest.raises(ValidationError) as failure:
        Body().load({field: value})
    return failure.value.messages[field][0]


# money


@pytest.mark.parametrize(
    "given, amount", [("100", "100"), ("100.5", "100.50"), ("0.01", "0.01"), (38000, "38000")]
)
def test_money_is_read_exactly(given: Any, amount: str) -> None:
    assert loaded("amount", given) == Decimal(amount)


@pytest.mark.parametrize(
    "given",
    ["1e3", "1_000.00", " 100.00", "100.00 ", "100.", ".5", "+5", "1,000", "NaN", "Infinity", ""],
)
def test_money_in_any_other_spelling_is_refused(given: str) -> None:
    assert "ASCII digits" in refused("amount", given)


@pytest.mark.parametrize(
    "given", [38000.0000000000001, 100.5, True, None, ["1"], {"a": 1}, 10**4000]
)
def test_money_never_passes_through_a_float_or_another_type(given: Any) -> None:
    refused("amount", given)


def test_money_keeps_its_limits_and_says_what_is_wrong() -> None:
    assert refused("amount", "-1.00") == "must not be negative"
    assert refused("amount", "100.005") == "at most two decimal places (satang)"
    assert "more than" in refused("amount", "100000000.01")
    assert "ASCII digits" in refused("amount", "1" * 30)


@given(st.text(alphabet=st.sampled_from("0123456789"), min_size=1, max_size=6), OTHER_DIGITS)
def test_money_with_any_non_ascii_digit_is_refused(digits: str, other: str) -> None:
    for spelling in (other + digits, digits + other, f"{digits}.{other}0"):
        refused("amount", spelling)


def test_a_plain_decimal_takes_the_same_spelling() -> None:
    assert loaded("rate", "12.5") == Decimal("12.5")
    refused("rate", "1e1")
    refused("rate", thai("12"))


# national IDs


@pytest.mark.parametrize("given", [NID, "1-1017-00230-70-8", "1 1017 00230 70 8", f" {NID} "])
def test_a_national_id_in_any_accepted_spelling_is_its_13_digits(given: str) -> None:
    assert loaded("national_id", given) == NID


@pytest.mark.parametrize(
    "given", [fullwidth(NID), thai(NID), "1--1017-00230-70-8", f"{NID}\n", "1101700230705", "123"]
)
def test_other_national_ids_are_refused(given: str) -> None:
    message = refused("national_id", given)
    assert NID not in message and given not in message  # never repeats personal data


@given(st.integers(0, 12), OTHER_DIGITS)
def test_a_national_id_with_any_non_ascii_digit_is_refused(at: int, other: str) -> None:
    assert canonical_national_id(NID[:at] + other + NID[at + 1 :]) is None


def test_stored_spellings_are_repaired_to_the_canonical_form() -> None:
    for stored in (fullwidth(NID), thai(NID), f"{NID} ", "1-1017-00230-70-8"):
        assert repaired_national_id(stored) == NID
    assert repaired_national_id("1101700230705") is None
    assert repaired_national_id("x101700230708") is None


# area codes


@pytest.mark.parametrize("code", ["24", "2401", "240101", "24010101"])
def test_real_area_codes_of_every_level_are_taken(code: str) -> None:
    assert loaded("area", code) == code


@pytest.mark.parametrize(
    "code",
    ["99999999", "99", "24010100", "240101" + thai("01"), "2401\n", "24010", "", fullwidth("24")],
)
def test_codes_not_in_the_area_data_or_not_ascii_are_refused(code: str) -> None:
    refused("area", code)


def test_a_code_of_another_level_is_refused() -> None:
    assert "village" in refused("village", "240101")


@given(st.integers(0, 7), OTHER_DIGITS)
def test_an_area_code_with_any_non_ascii_digit_is_refused(at: int, other: str) -> None:
    code = "24010101"
    with pytest.raises(ValidationError):
        Body().load({"area": code[:at] + other + code[at + 1 :]})


# dates


def test_dates_outside_their_span_are_refused() -> None:
    assert "not before" in refused("visit_day", "0001-01-01")
    assert "not after" in refused("visit_day", (TODAY + timedelta(days=2)).isoformat())
    assert "not after" in refused("due", "9999-12-31")
    assert "not after" in refused("run_on", "9999-12-31")
    assert "not before" in refused("run_on", (TODAY - timedelta(days=400)).isoformat())
    assert "not after" in refused("born", (TODAY + timedelta(days=1)).isoformat())
    assert "not before" in refused("visited_at", "0001-01-01T00:00:00+00:00")
    assert "not after" in refused("visited_at", "9999-12-31T00:00:00+00:00")


def test_dates_inside_their_span_are_taken() -> None:
    assert loaded("visit_day", TODAY.isoformat()) == TODAY
    assert loaded("due", (TODAY + timedelta(days=365)).isoformat())
    assert loaded("run_on", (TODAY - timedelta(days=7)).isoformat())
    assert loaded("born", "1950-05-01") == date(1950, 5, 1)
    assert loaded("visited_at", datetime.now(UTC).isoformat())


# text


@pytest.mark.parametrize("text", ["a\nb", "a\tb", "a\rb", "a\u2028b", "a\x85b", "a\vb"])
def test_a_single_line_refuses_line_breaks_and_tabs(text: str) -> None:
    assert refused("name", text) == "one line: no line break or tab"


def test_multi_line_text_keeps_its_line_breaks_and_tabs() -> None:
    assert loaded("note", "first\n\tsecond") == "first\n\tsecond"
    assert loaded("name", "สมชาย ใจดี") == "สมชาย ใจดี"


@pytest.mark.parametrize("text", ["5", "-3", "+7", "0042"])
def test_an_integer_reads_ascii_digits(text):
    assert Integer().deserialize(text) == int(text)


@given(st.characters(categories=["Nd"]).filter(lambda c: not c.isascii()))
def test_an_integer_refuses_every_digit_that_is_not_ascii(digit):
    with pytest.raises(ValidationError):
        Integer().deserialize("1" + digit)


@pytest.mark.parametrize("value", ["²", "1e3", " 5", "5\n", "1_000", 2**31, -(2**31), 10**30, True])
def test_an_integer_refuses_what_is_not_a_plain_whole_number_a_database_holds(value):
    with pytest.raises(ValidationError):
        Integer().deserialize(value)


@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_the_national_id_check_agrees_with_stdnum(value):
    from stdnum.exceptions import ValidationError as StdnumInvalid
    from stdnum.th import pin

    try:
        pin.validate(value)
        valid = True
    except StdnumInvalid:
        valid = False
    assert (national_id_problem(value) is None) == valid


# web addresses (webhooks)


@pytest.mark.parametrize(
    "address",
    ["https://hooks.example.org/smile?x=1", "http://127.0.0.1:8080/hook", "http://localhost"],
)
def test_a_web_address_takes_http_and_https_endpoints(address):
    assert loaded("hook", address) == address


@pytest.mark.parametrize(
    "address",
    [
        "",
        "ftp://x.example/",
        "https://x.example/\u0000",
        "https://x.example/a b",
        "https://x.example/\n",
        "https://user:secret@x.example/",
        "https://x.example:\u0e51\u0e52/",  # Thai digits in the port
        "https://-x.example/",
        "https://x.example/" + "a" * 500,
    ],
)
def test_a_web_address_refuses_what_it_cannot_call(address):
    assert refused("hook", address)


@given(st.from_regex(WEB_ADDRESS_PATTERN, fullmatch=True))
def test_every_address_the_documents_pattern_allows_is_taken(address):
    if len(address) <= 500:  # the document states maxLength beside the pattern
        assert loaded("hook", address) == address
