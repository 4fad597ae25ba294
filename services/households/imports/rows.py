"""One BMN row checked: every problem named by row and column, values never repeated.

Imports check hundreds of thousands of rows, so this module is written for speed: positions
looked up once per file, villages checked once per file, no per-row objects beyond the result.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import NamedTuple

from infra.areas import village_code_problem
from infra.money import money_problem
from services.households.domain.identity import national_id_problem
from services.households.imports.decoding import UNDECODABLE

BUDDHIST_ERA_OFFSET = 543
SEXES = {
    "male": "male",
    "female": "female",
    "ชาย": "male",
    "หญิง": "female",
    "m": "male",
    "f": "female",
}
INDICATOR = r"\d{1,2}(?:\.\d{1,2})?"
INDICATOR_LIST = re.compile(rf"[;,\s]*(?:{INDICATOR}(?:[;,\s]+{INDICATOR})*)?[;,\s]*")
INDICATOR_CODE = re.compile(INDICATOR)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # never in a name (and the bulk writer relies on it)
NO_CONTROL = "must not contain control characters"
NOT_TEXT = "bytes that are not text in the file's encoding (UTF-8 or TIS-620): row not read"
CENT = Decimal("0.01")
MAX_INCOME = Decimal("100000000")
FIELDS = (
    "village_code",
    "head_national_id",
    "head_first_name",
    "head_last_name",
    "household_size",
    "annual_income_thb",
    "house_no",
    "head_birth_date",
    "head_sex",
    "failed_indicators",
)
Problems = list[tuple[str, str]]


class BmnRow(NamedTuple):
    number: int  # the row as a spreadsheet shows it (the header is row 1)
    village_code: str
    national_id: str
    first_name: str
    last_name: str
    size: int
    income_satang: int
    house_no: str | None
    birth_date: date | None
    sex: str | None
    failed_indicators: tuple[str, ...]


class RowChecker:
    """Checks rows against the header's positions, with per-import caches (villages, areas)."""

    def __init__(self, header: list[str], areas: tuple[str, ...] | None) -> None:
        self.names = [name.strip().lower() for name in header]
        index = {name: i for i, name in enumerate(self.names)}
        self.width = len(header)
        # A missing column reads the empty string appended after the row's last value.
        self.pick = itemgetter(*(index.get(name, -1) for name in FIELDS))
        self.village_at = index.get("village_code", -1)
        self.today = date.today()
        self.areas = areas  # None: everywhere (administrators)
        self._villages: dict[str, str | None] = {}
        self._indicator_lists: dict[str, tuple[str, ...] | None] = {}

    def village_written(self, values: list[str]) -> str:
        """The row's village code as written, checked or not (a refused row's tambon)."""
        return values[self.village_at] if 0 <= self.village_at < len(values) else ""

    def check(self, number: int, values: list[str]) -> BmnRow | Problems:
        if UNDECODABLE in "".join(values):
            return self._undecodable(values)
        padded = [*values, *[""] * (self.width - len(values)), ""]
        village, nid, first, last, size, income, house, birth, sex, failed = map(
            str.strip, self.pick(padded)
        )
        problems: Problems = []
        self._village(village, problems)
        nid = nid.replace("-", "").replace(" ", "")
        if problem := national_id_problem(nid):
            problems.append(("head_national_id", problem))
        _name(first, "head_first_name", problems)
        _name(last, "head_last_name", problems)
        row = BmnRow(
            number,
            village,
            nid,
            first,
            last,
            _size(size, problems),
            _income(income, problems),
            _house_no(house, problems),
            _birth_date(birth, self.today, problems) if birth else None,
            _sex(sex, problems) if sex else None,
            self._indicators(failed, problems) if failed else (),
        )
        return problems or row

    def _undecodable(self, values: list[str]) -> Problems:
        """The row is refused, naming each column holding bytes that are not text."""
        return [
            (self.names[i] if i < len(self.names) else f"column {i + 1}", NOT_TEXT)
            for i, value in enumerate(values)
            if UNDECODABLE in value
        ]

    def _indicators(self, value: str, problems: Problems) -> tuple[str, ...]:
        """The failed indicators' codes, sorted and unique; lists repeat a lot, so each distinct
        one is read once per file."""
        if value not in self._indicator_lists:
            self._indicator_lists[value] = indicator_codes(value)
        codes = self._indicator_lists[value]
        if codes is None:
            problems.append(("failed_indicators", "indicator codes like 7 or 7.1, separated by ;"))
            return ()
        return codes

    def _village(self, code: str, problems: Problems) -> None:
        if code not in self._villages:
            problem = village_code_problem(code)
            if problem is None and self.areas is not None and not code.startswith(self.areas):
                problem = "outside the areas you are responsible for"
            self._villages[code] = problem
        if (problem := self._villages[code]) is not None:
            problems.append(("village_code", problem))


def _name(value: str, field: str, problems: Problems) -> None:
    if not value or len(value) > 100:
        problems.append((field, "required, at most 100 characters"))
    elif CONTROL.search(value):
        problems.append((field, NO_CONTROL))


def _house_no(value: str, problems: Problems) -> str | None:
    if CONTROL.search(value):
        problems.append(("house_no", NO_CONTROL))
    return value[:20] or None


def _size(value: str, problems: Problems) -> int:
    if value.isdigit() and 1 <= int(value) <= 99:
        return int(value)
    problems.append(("household_size", "a whole number from 1 to 99"))
    return 0


def _income(value: str, problems: Problems) -> int:
    try:
        amount = Decimal(value.replace(",", ""))
    except InvalidOperation:
        problems.append(("annual_income_thb", "not a number"))
        return 0
    problem = money_problem(amount, maximum=MAX_INCOME)
    if problem:
        problems.append(("annual_income_thb", problem))
        return 0
    return int(amount * 100)


def _birth_date(value: str, today: date, problems: Problems) -> date | None:
    try:
        day = date.fromisoformat(value[:10])
        if day.year > 2400:  # Buddhist era, as Thai forms write it
            day = day.replace(year=day.year - BUDDHIST_ERA_OFFSET)
    except ValueError:
        problems.append(("head_birth_date", "not a date (YYYY-MM-DD)"))
        return None
    if day > today:
        problems.append(("head_birth_date", "must not be in the future"))
    return day


def _sex(value: str, problems: Problems) -> str | None:
    sex = SEXES.get(value.lower())
    if sex is None:
        problems.append(("head_sex", "male or female (ชาย or หญิง)"))
    return sex


def indicator_codes(value: str) -> tuple[str, ...] | None:
    if not INDICATOR_LIST.fullmatch(value):
        return None
    codes = tuple(sorted(set(INDICATOR_CODE.findall(value))))
    return codes if len(codes) <= 60 else None
