"""The value kinds of request payloads, each defined once and used by every schema that takes one:
money, national IDs, DOPA area codes, dates in a range that fits their meaning, and text that is
one line (names, titles) or may hold several (notes).

Digits are ASCII only: Python's `\\d` and `str.isdigit()` accept any Unicode digit (Thai,
fullwidth, superscripts), so patterns here spell `[0-9]` and match in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from marshmallow import ValidationError, fields, validate

from infra.areas import area_problem
from infra.caller import area_level
from infra.dates import Span
from infra.fiscal import FIRST_FISCAL_YEAR, YEARS_AHEAD, fiscal_year_problem
from infra.money import MAX_BAHT, money_problem
from infra.national_id import canonical_national_id, national_id_problem

DECIMAL_PATTERN = r"^[0-9]+(\.[0-9]{1,2})?$"
# MAX_BAHT (10^8) or less, and for a payable amount more than zero, at most 24 characters.
_WHOLE_DIGITS = len(str(int(MAX_BAHT))) - 1
MONEY_PATTERN = f"^0*(10{{{_WHOLE_DIGITS}}}(\\.00?)?|[0-9]{{1,{_WHOLE_DIGITS}}}(\\.[0-9]{{1,2}})?)$"
PAYABLE_PATTERN = (
    f"^0*(10{{{_WHOLE_DIGITS}}}(\\.00?)?|[1-9][0-9]{{0,{_WHOLE_DIGITS - 1}}}(\\.[0-9]{{1,2}})?"
    "|0\\.(0[1-9]|[1-9][0-9]?))$"
)
_DECIMAL = re.compile(DECIMAL_PATTERN[1:-1])
_SIGNED = re.compile(r"-?[0-9]+(\.[0-9]+)?")  # read, for the check to say what is wrong
_DECIMAL_ERROR = 'ASCII digits with at most two decimals, such as "1500.50"'


class PlainDecimal(fields.Decimal):
    """A decimal written `1500` or `1500.50` (a string, or a JSON number the gateway kept as
    written), read as `Decimal` without ever passing through a binary float. `1e3`, `1_000`,
    `" 100"`, signs and non-ASCII digits are refused."""

    def __init__(self, *, check: Callable[[Decimal], str | None] | None = None, **kwargs: Any):
        metadata = {
            "pattern": DECIMAL_PATTERN,
            "maxLength": 24,
            "example": "1500.00",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(allow_nan=False, metadata=metadata, **kwargs)
        self.check = check

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        is_integer = isinstance(value, int) and not isinstance(value, bool)
        text = str(value) if is_integer and abs(value) < 10**24 else value
        if not isinstance(text, str) or len(text) > 24 or not _SIGNED.fullmatch(text):
            raise ValidationError(_DECIMAL_ERROR)
        number = Decimal(text)
        if self.check and (problem := self.check(number)):
            raise ValidationError(problem)  # says what is wrong with a sign or a third decimal
        if not _DECIMAL.fullmatch(text):
            raise ValidationError(_DECIMAL_ERROR)
        return number


class Money(PlainDecimal):
    """Baht, exact to the satang, from 0 (more than 0 when `payable`) to `infra.money.MAX_BAHT`:
    `check` holds the same limits, and names what is wrong."""

    def __init__(
        self,
        *,
        check: Callable[[Decimal], str | None] = money_problem,
        payable: bool = False,
        **kwargs: Any,
    ):
        pattern = PAYABLE_PATTERN if payable else MONEY_PATTERN
        metadata = {"pattern": pattern, **kwargs.pop("metadata", {})}
        super().__init__(check=check, metadata=metadata, **kwargs)


class NationalId(fields.String):
    """A Thai national ID, loaded as its canonical 13 ASCII digits: `1-1017-00230-70-8` and
    `1101700230708` are one person. Other digits (Thai, fullwidth) are refused."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "pattern": r"^ *[1-8]([ -]?[0-9]){12} *$",
            "maxLength": 40,
            "format": "th-national-id",
            "description": "13 digits, the first not 0 or 9, the last the mod-11 check digit;"
            " single spaces or dashes between digits are dropped",
            "example": "1-1017-00230-70-8",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        given = super()._deserialize(value, attr, data, **kwargs)
        canonical = canonical_national_id(given)
        if canonical is None:
            raise ValidationError("13 ASCII digits (spaces or dashes between them may be given)")
        if problem := national_id_problem(canonical):
            raise ValidationError(problem)
        return canonical


LEVEL_DIGITS = {"province": 2, "district": 4, "subdistrict": 6, "village": 8}
ALL_LEVELS = tuple(LEVEL_DIGITS)
LEVEL_EXAMPLE = {
    "province": "24",
    "district": "2401",
    "subdistrict": "240101",
    "village": "24010101",
}
LEVEL_PATTERN = {  # a village's own number (the last two digits) is never 00
    "province": "[0-9]{2}",
    "district": "[0-9]{4}",
    "subdistrict": "[0-9]{6}",
    "village": "[0-9]{6}(0[1-9]|[1-9][0-9])",
}


class AreaCode(fields.String):
    """A DOPA area code of one of `levels` (all by default), in ASCII digits and present in the
    area data (infra.areas): `99999999`, Thai digits and village number `00` are refused."""

    def __init__(self, *levels: str, **kwargs: Any) -> None:
        self.levels = levels or ALL_LEVELS
        lengths = "|".join(LEVEL_PATTERN[level] for level in self.levels)
        metadata = {
            "pattern": f"^({lengths})$",
            "format": "dopa-area-code",
            "description": f"DOPA code of a {' or '.join(self.levels)} in the area data",
            "example": LEVEL_EXAMPLE[self.levels[0]],
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        code = super()._deserialize(value, attr, data, **kwargs)
        problem = area_problem(code)
        if problem is None and area_level(code) not in self.levels:
            problem = f"must be the code of a {' or '.join(self.levels)}"
        if problem:
            raise ValidationError(problem)
        return code


# The ceiling of a fiscal year's range moves every 1 October, so the document states it as a number
# of years after the current fiscal year, for a client to add (a static `maximum` would go stale).
FISCAL_YEARS_AHEAD = "x-fiscal-years-ahead"


def fiscal_year_shape(earliest: int, years_ahead: int) -> dict[str, Any]:
    """The OpenAPI metadata of a Buddhist-era fiscal year from `earliest` to `years_ahead` after
    the current one."""
    return {
        "minimum": earliest,
        FISCAL_YEARS_AHEAD: years_ahead,
        "description": "Buddhist-era fiscal year, 1 Oct - 30 Sep (2570: Oct 2026 - Sep 2027), "
        f"from {earliest} to {years_ahead} after the current one",
        "example": 2570,
    }


def fiscal_year(**kwargs: Any) -> Integer:
    """A Buddhist-era fiscal year (2570 = Oct 2026 - Sep 2027) in infra.fiscal's range, stated
    in the document as the validation holds it."""
    metadata = fiscal_year_shape(FIRST_FISCAL_YEAR, YEARS_AHEAD)
    return Integer(validate=_fiscal_year_check, metadata=metadata, **kwargs)


def _fiscal_year_check(year: int) -> None:
    if problem := fiscal_year_problem(year):
        raise ValidationError(problem)


class Day(fields.Date):
    """A calendar date (`YYYY-MM-DD`) inside `span`, a range that fits what the date means."""

    def __init__(self, span: Span, **kwargs: Any) -> None:
        metadata = {"description": span.describe(), **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)
        self.span = span

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> date:
        day = super()._deserialize(value, attr, data, **kwargs)
        if problem := self.span.problem(day):
            raise ValidationError(problem)
        return day


class Moment(fields.AwareDateTime):
    """A point in time with its offset, whose day (as written) lies inside `span`."""

    def __init__(self, span: Span, **kwargs: Any) -> None:
        metadata = {"description": span.describe(), **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)
        self.span = span

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> datetime:
        moment = super()._deserialize(value, attr, data, **kwargs)
        if problem := self.span.problem(moment.date()):
            raise ValidationError(problem)
        return moment


# Line breaks of every kind, tab and other control characters: none belongs in a name or a title.
ONE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"
_LINE_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")


def Line(low: int, high: int, **kwargs: Any) -> fields.String:  # a field factory
    """Single-line text (names, titles, usernames): `low`-`high` characters, no line break, no
    tab."""
    metadata = {"pattern": ONE_LINE_PATTERN, **kwargs.pop("metadata", {})}
    return fields.String(
        validate=[validate.Length(low, high), _one_line], metadata=metadata, **kwargs
    )


def Text(low: int, high: int, **kwargs: Any) -> fields.String:  # a field factory
    """Text that may run over several lines (notes, reasons, descriptions, topics)."""
    return fields.String(validate=validate.Length(low, high), **kwargs)


_TEXT = "[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]"  # no control character
# text of those characters with at least one that is not a space
REASON_PATTERN = f"^{_TEXT}*[^\\s\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]{_TEXT}*$"


def Reason(**kwargs: Any) -> fields.String:  # a field factory
    """Why a change was made (a correction of registry data): 1-1000 characters, not only
    spaces."""
    metadata = {"pattern": REASON_PATTERN, **kwargs.pop("metadata", {})}
    return fields.String(
        validate=[validate.Length(1, 1000), _not_blank], metadata=metadata, **kwargs
    )


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("must not be blank")


def _one_line(value: str) -> None:
    if _LINE_BREAKS.search(value):
        raise ValidationError("one line: no line break or tab")


_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"  # a host name's label (or IPv4's part)
WEB_ADDRESS_PATTERN = f"^https?://{_LABEL}([.]{_LABEL})*(:[0-9]{{1,5}})?(/[!-~]*)?$"
_WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN)
WEB_ADDRESS_ERROR = "an http or https address, such as https://example.org/hook"


def WebAddress(**kwargs: Any) -> fields.String:  # a field factory
    """An endpoint this system calls (a webhook): http or https, a host name of ASCII labels or
    an IPv4 address (no IPv6, no user or password), an optional port of ASCII digits and a path
    of printable ASCII; at most 500 characters. The pattern is both the check and the
    document's rule, so a client built from the document sends only addresses the server takes."""
    metadata = {"format": "uri", "pattern": WEB_ADDRESS_PATTERN, **kwargs.pop("metadata", {})}
    return fields.String(
        validate=[validate.Length(1, 500), _web_address], metadata=metadata, **kwargs
    )


def _web_address(value: str) -> None:
    if not _WEB_ADDRESS.fullmatch(value):  # in full: `$` alone lets a final line break through
        raise ValidationError(WEB_ADDRESS_ERROR)


INTEGER_LIMIT = 2**31 - 1  # what a PostgreSQL integer column holds
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]{1,10}")


class Integer(fields.Integer):
    """A whole number: a JSON integer, or ASCII digits (a query string's `5`). Superscripts, Thai
    and fullwidth digits are refused (`int()` reads any Unicode digit), and so is anything a
    database integer cannot hold."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("strict", False)
        super().__init__(**kwargs)

    def _validated(self, value: Any) -> int:
        if isinstance(value, str) and not _INTEGER_TEXT.fullmatch(value):
            raise self.make_error("invalid")
        number = super()._validated(value)
        if abs(number) > INTEGER_LIMIT:
            raise ValidationError(f"must be between -{INTEGER_LIMIT} and {INTEGER_LIMIT}")
        return number
