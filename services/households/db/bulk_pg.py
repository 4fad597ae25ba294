"""PostgreSQL fast path for new households of an import: one INSERT ... SELECT FROM unnest(...)
per table and batch, arrays as parameters. COPY would be faster still, but psycopg2 refuses COPY
on the cooperative (eventlet) connections the service runs on; unnest keeps the import inside
the same transaction as its progress, without blocking the other workers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from services.households.imports.rows import BmnRow

HOUSEHOLDS = """
INSERT INTO households (id, village_code, house_no, size, annual_income_satang,
                        latest_survey_year, registered_at, version, stage)
SELECT id, village, house, size, income, %s, %s, 1, 'registered'
FROM unnest(%s::varchar[], %s::varchar[], %s::varchar[], %s::smallint[], %s::bigint[])
     AS t(id, village, house, size, income)
"""
MEMBERS = """
INSERT INTO household_members (household_id, position, first_name, last_name, national_id,
                               is_head, birth_date, sex, active)
SELECT hid, 0, first, last, nid, true, born, sex, true
FROM unnest(%s::varchar[], %s::varchar[], %s::varchar[], %s::varchar[], %s::date[],
            %s::varchar[]) AS t(hid, first, last, nid, born, sex)
"""
SURVEYS = """
INSERT INTO bmn_surveys (household_id, survey_year, size, annual_income_satang,
                         failed_indicators, failed_count, import_id, recorded_at)
SELECT hid, %s, size, income, failed, failed_count, %s, %s
FROM unnest(%s::varchar[], %s::smallint[], %s::bigint[], %s::varchar[], %s::smallint[])
     AS t(hid, size, income, failed, failed_count)
"""
OUTBOX = """
INSERT INTO outbox (event_id, event_type, payload, created_at)
SELECT event_id, event_type, payload, %s
FROM unnest(%s::varchar[], %s::varchar[], %s::text[]) AS t(event_id, event_type, payload)
"""
KNOWN = """
SELECT m.national_id, m.household_id, h.village_code
FROM household_members m JOIN households h ON h.id = m.household_id
WHERE m.national_id = ANY(%s::varchar[]) AND m.active
"""


def insert_new(
    session: Session,
    pairs: list[tuple[str, BmnRow]],
    year: int,
    import_id: str,
    now: datetime,
) -> None:
    ids = [hid for hid, _ in pairs]
    rows = [row for _, row in pairs]
    money = _columns(rows, "size", "income_satang")
    places = _columns(rows, "village_code", "house_no")
    _execute(session, HOUSEHOLDS, (year, now, ids, *places, *money))
    people = _columns(rows, "first_name", "last_name", "national_id")
    _execute(session, MEMBERS, (ids, *people, _born(rows), _sexes(rows)))
    failed = [",".join(r.failed_indicators) for r in rows]
    counts = [len(r.failed_indicators) for r in rows]
    _execute(session, SURVEYS, (year, import_id, now, ids, *money, failed, counts))


def insert_outbox(session: Session, now: datetime, events: list[tuple[str, str, str]]) -> None:
    if events:
        event_ids, kinds, payloads = (list(column) for column in zip(*events, strict=True))
        _execute(session, OUTBOX, (now, event_ids, kinds, payloads))


def known(session: Session, national_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Active members among these national IDs: national ID -> (household id, village code)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(KNOWN, (national_ids,))
        return {nid: (hid, village) for nid, hid, village in cursor.fetchall()}
    finally:
        cursor.close()


def _execute(session: Session, statement: str, parameters: tuple[Any, ...]) -> None:
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(statement, parameters)
    finally:
        cursor.close()


def _columns(rows: list[BmnRow], *names: str) -> list[list[Any]]:
    return [[getattr(row, name) for row in rows] for name in names]


def _born(rows: list[BmnRow]) -> list[str | None]:
    """ISO text, cast to date by PostgreSQL: adapting date objects costs more than the insert."""
    return [None if r.birth_date is None else r.birth_date.isoformat() for r in rows]


def _sexes(rows: list[BmnRow]) -> list[str | None]:
    return [r.sex for r in rows]
