"""PostgreSQL fast path for new households of an import: one INSERT ... SELECT FROM unnest(...)
per table and batch.

Each column travels as one text parameter, its values joined by the unit separator (U+001F,
NULL written as U+001E) and split by `string_to_array` in the database. Adapting Python lists to
array literals cost psycopg2 and PostgreSQL about ten times as much. Row checks refuse control
characters in free text, so no value can contain either separator; every other column is digits,
codes, ISO dates or JSON (which escapes control characters). COPY would be faster still, but
psycopg2 refuses COPY on the cooperative (eventlet) connections the service runs on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from services.households.imports.rows import BmnRow

SEPARATOR, NULL = "\x1f", "\x1e"


def _split(cast: str = "") -> str:
    """SQL for one joined-text parameter as an array (`cast`: e.g. '::smallint[]')."""
    return f"string_to_array(%s, E'\\x1f', E'\\x1e'){cast}"


HOUSEHOLDS = f"""
INSERT INTO households (id, village_code, house_no, size, annual_income_satang,
                        latest_survey_year, registered_at, version, stage)
SELECT id, village, house, size, income, %s, %s, 1, 'registered'
FROM unnest({_split()}, {_split()}, {_split()}, {_split("::smallint[]")},
            {_split("::bigint[]")}) AS t(id, village, house, size, income)
"""
MEMBERS = f"""
INSERT INTO household_members (household_id, position, first_name, last_name, national_id,
                               is_head, birth_date, sex, active)
SELECT hid, 0, first, last, nid, true, born, sex, true
FROM unnest({_split()}, {_split()}, {_split()}, {_split()}, {_split("::date[]")},
            {_split()}) AS t(hid, first, last, nid, born, sex)
"""
SURVEYS = f"""
INSERT INTO bmn_surveys (household_id, survey_year, size, annual_income_satang,
                         failed_indicators, failed_count, import_id, recorded_at)
SELECT hid, %s, size, income, coalesce(failed, ''), failed_count, %s, %s
FROM unnest({_split()}, {_split("::smallint[]")}, {_split("::bigint[]")}, {_split()},
            {_split("::smallint[]")}) AS t(hid, size, income, failed, failed_count)
"""
KNOWN = f"""
SELECT m.national_id, m.household_id, h.village_code
FROM household_members m JOIN households h ON h.id = m.household_id
WHERE m.national_id = ANY({_split()}) AND m.active
"""


def insert_new(
    session: Session,
    pairs: list[tuple[str, BmnRow]],
    year: int,
    import_id: str,
    now: datetime,
) -> None:
    ids = _text(hid for hid, _ in pairs)
    rows = [row for _, row in pairs]
    places = (_text(r.village_code for r in rows), _nullable(r.house_no for r in rows))
    money = (_numbers(r.size for r in rows), _numbers(r.income_satang for r in rows))
    _execute(session, HOUSEHOLDS, (year, now, ids, *places, *money))
    people = (_text(r.first_name for r in rows), _text(r.last_name for r in rows))
    born = _nullable(None if r.birth_date is None else r.birth_date.isoformat() for r in rows)
    national_ids = _text(r.national_id for r in rows)
    sexes = _nullable(r.sex for r in rows)
    _execute(session, MEMBERS, (ids, *people, national_ids, born, sexes))
    failed = _nullable(",".join(r.failed_indicators) or None for r in rows)
    counts = _numbers(len(r.failed_indicators) for r in rows)
    _execute(session, SURVEYS, (year, import_id, now, ids, *money, failed, counts))


def known(session: Session, national_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Active members among these national IDs: national ID -> (household id, village code)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(KNOWN, (_text(national_ids),))
        return {nid: (hid, village) for nid, hid, village in cursor.fetchall()}
    finally:
        cursor.close()


def _text(values: Iterable[str]) -> str:
    """A column of text that is never NULL nor empty, joined."""
    return SEPARATOR.join(values)


def _numbers(values: Iterable[int]) -> str:
    return SEPARATOR.join(map(str, values))


def _nullable(values: Iterable[str | None]) -> str:
    """A nullable column: None travels as NULL, never as an empty element (which a one-row batch
    could not tell from no rows)."""
    return SEPARATOR.join(NULL if v is None else v for v in values)


def _execute(session: Session, statement: str, parameters: tuple[Any, ...]) -> None:
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(statement, parameters)
    finally:
        cursor.close()
