"""Set-based writes of one batch of BMN rows: new households inserted, known ones upserted.

Idempotent: the key is the head's national ID (an active member) and the survey year, and
updates only touch rows whose values differ, so importing the same file again changes nothing.
New households get time-ordered ids; the events announcing them (`import_events`: one per
household, or one per batch and tambon) are returned for the caller's unit of work to write with
the batch (`uow.emit_prepared`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from infra.statements import conflict_insert
from infra.unit_of_work import PreparedEvent
from services.households.db import bulk_pg
from services.households.db.ids import time_ordered_ids
from services.households.db.import_events import import_events
from services.households.db.tables import households, members, surveys
from services.households.imports.rows import BmnRow


class Written(NamedTuple):
    refused: list[tuple[int, str, str]]
    unchanged_rows: list[BmnRow]  # found their household already holding exactly their values
    announced: list[PreparedEvent]  # for `uow.emit_prepared`: the new households' events
    updated: tuple[str, ...] = ()  # known households given this batch's figures (risk, relapse)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_rows)


MOVED_VILLAGE = "the household is registered in another village; correct it there first"


class BulkRows:
    """The BMN import's door to the database (`uow.bulk`): its batches written set-based, in
    the unit of work's transaction, so the import never touches the session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def upsert(
        self,
        rows: list[BmnRow],
        survey_year: int,
        import_id: str,
        now: datetime,
        events: str,
        before_updates: Callable[[], None] = lambda: None,
        correlation_id: str | None = None,
    ) -> Written:
        """`upsert_batch`, below."""
        return upsert_batch(
            self.session, rows, survey_year, import_id, now, correlation_id, events, before_updates
        )


def upsert_batch(
    session: Session,
    rows: list[BmnRow],
    survey_year: int,
    import_id: str,
    now: datetime,
    correlation_id: str | None,
    events: str,
    before_updates: Callable[[], None] = lambda: None,
) -> Written:
    """Write the batch; returns the rows refused here as (row, field, message), and the rows
    that found their household already holding exactly their values (nothing written for them).

    New households are inserted first; `before_updates` is called before any existing household
    is touched (an import writing batches side by side waits there for the batch before, which
    may update the same households)."""
    known = _known(session, [r.national_id for r in rows])
    fresh, update_rows, refused = [], [], []
    for row in rows:
        found = known.get(row.national_id)
        if found is None:
            fresh.append(row)
        elif found[1] != row.village_code:
            refused.append((row.number, "village_code", MOVED_VILLAGE))
        else:
            update_rows.append((found[0], row))
    batch = {"import_id": import_id, "survey_year": survey_year, "correlation_id": correlation_id}
    announced = _insert_new(session, fresh, batch, now, events)
    before_updates()
    same = _already_stored(session, update_rows, survey_year)
    changed = [(hid, row) for hid, row in update_rows if hid not in same]
    _update_known(session, changed, survey_year, import_id, now)
    unchanged = [row for hid, row in update_rows if hid in same]
    return Written(refused, unchanged, announced, tuple(hid for hid, _ in changed))


def _already_stored(session: Session, pairs: list[tuple[str, BmnRow]], year: int) -> set[str]:
    """The households whose survey of `year` and current figures already hold their row's values
    (after the batch before has committed: it may have changed them)."""
    if not pairs:
        return set()
    h, s = households.c, surveys.c
    found = session.execute(
        select(h.id, h.size, h.annual_income_satang, h.latest_survey_year)
        .add_columns(s.size, s.annual_income_satang, s.failed_indicators)
        .join(surveys, and_(s.household_id == h.id, s.survey_year == year))
        .where(h.id.in_([hid for hid, _ in pairs]))
    )
    stored = {row[0]: tuple(row[1:]) for row in found}
    return {hid for hid, row in pairs if hid in stored and _holds(stored[hid], row, year)}


def _holds(stored: tuple[Any, ...], row: BmnRow, year: int) -> bool:
    size, income, latest, survey_size, survey_income, failed = stored
    figures = (row.size, row.income_satang)
    indicators = ",".join(row.failed_indicators)
    same_survey = (survey_size, survey_income, failed) == (*figures, indicators)
    if latest is None or latest < year:
        return False  # the household takes this year's figures
    return same_survey and (latest > year or (size, income) == figures)


def _known(session: Session, national_ids: list[str]) -> dict[str, tuple[str, str]]:
    if _on_postgresql(session):
        return bulk_pg.known(session, national_ids)
    found = session.execute(
        select(members.c.national_id, members.c.household_id, households.c.village_code)
        .join(households, households.c.id == members.c.household_id)
        .where(members.c.national_id.in_(national_ids), members.c.active.is_(True))
    )
    return {nid: (hid, village) for nid, hid, village in found}


def _insert_new(
    session: Session, rows: list[BmnRow], batch: dict[str, Any], now: datetime, events: str
) -> list[PreparedEvent]:
    if not rows:
        return []
    pairs = list(zip(time_ordered_ids(len(rows)), rows, strict=True))
    year, import_id = batch["survey_year"], batch["import_id"]
    if _on_postgresql(session):
        bulk_pg.insert_new(session, pairs, year, import_id, now)
    else:
        session.execute(insert(households), [_household(i, r, year, now) for i, r in pairs])
        session.execute(insert(members), [_member(i, r) for i, r in pairs])
        session.execute(insert(surveys), [_survey(i, r, year, import_id, now) for i, r in pairs])
    return import_events(events, pairs, batch, now.isoformat())


def _on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _update_known(
    session: Session, pairs: list[tuple[str, BmnRow]], year: int, import_id: str, now: datetime
) -> None:
    if not pairs:
        return
    statement = conflict_insert(session, surveys)
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=[surveys.c.household_id, surveys.c.survey_year],
        set_={
            name: excluded[name]
            for name in (
                "size",
                "annual_income_satang",
                "failed_indicators",
                "failed_count",
                "import_id",
                "recorded_at",
            )
        },
        where=or_(
            *(
                surveys.c[name] != excluded[name]
                for name in ("size", "annual_income_satang", "failed_indicators")
            )
        ),
    )
    session.execute(statement, [_survey(hid, r, year, import_id, now) for hid, r in pairs])
    c = households.c
    refresh = (
        update(households)
        .where(
            c.id == bindparam("hid"),
            or_(c.latest_survey_year.is_(None), c.latest_survey_year <= year),
            or_(
                c.size != bindparam("new_size"),
                c.annual_income_satang.is_distinct_from(bindparam("new_income")),
                c.latest_survey_year.is_distinct_from(year),
            ),
        )
        .values(
            size=bindparam("new_size"),
            annual_income_satang=bindparam("new_income"),
            latest_survey_year=year,
            version=c.version + 1,
        )
    )
    session.connection().execute(
        refresh,
        [{"hid": hid, "new_size": r.size, "new_income": r.income_satang} for hid, r in pairs],
    )


def _household(hid: str, r: BmnRow, year: int, now: datetime) -> dict[str, Any]:
    return {
        "id": hid,
        "village_code": r.village_code,
        "house_no": r.house_no,
        "size": r.size,
        "annual_income_satang": r.income_satang,
        "latest_survey_year": year,
        "registered_at": now,
        "version": 1,
        "stage": "registered",
    }


def _member(hid: str, r: BmnRow) -> dict[str, Any]:
    return {
        "household_id": hid,
        "position": 0,
        "first_name": r.first_name,
        "last_name": r.last_name,
        "national_id": r.national_id,
        "is_head": True,
        "birth_date": r.birth_date,
        "sex": r.sex,
        "active": True,
    }


def _survey(hid: str, r: BmnRow, year: int, import_id: str, now: datetime) -> dict[str, Any]:
    return {
        "household_id": hid,
        "survey_year": year,
        "size": r.size,
        "annual_income_satang": r.income_satang,
        "failed_indicators": ",".join(r.failed_indicators),
        "failed_count": len(r.failed_indicators),
        "import_id": import_id,
        "recorded_at": now,
    }
