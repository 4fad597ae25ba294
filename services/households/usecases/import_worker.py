"""Processing a queued BMN import in batches, each committed with its progress.

A batch's rows, its per-row errors and the import's counters commit together, so a crash loses
at most the batches in flight; the next claim (after the lease runs out) resumes after the last
committed row. Re-running a batch is harmless anyway: the upsert is idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import eventlet

from infra.batch_writer import BatchWriter, WaitTurn
from infra.caller import Caller
from infra.errors import KeyTaken, ValidationFailed
from infra.logs import get_logger
from infra.metrics import IMPORT_ROWS
from services.households.db import HouseholdsUnitOfWork
from services.households.events import HOUSEHOLD_IMPORT_FINISHED
from services.households.imports import decoding
from services.households.imports.rows import BmnRow, RowChecker
from services.households.settings import Settings
from services.households.usecases.audit import record_import
from services.households.usecases.import_tally import tally
from services.households.usecases.relapse import surveyed

log = get_logger(__name__)
Clock = Callable[[], datetime]
StopCheck = Callable[[], bool]
YIELD_EVERY = 500


class Paused(Exception):
    """The service is stopping: the import ends after its committed batches, to resume later."""


def _never() -> bool:
    return False


def process_pending_imports(
    uow: HouseholdsUnitOfWork,
    settings: Settings,
    clock: Clock,
    stop_requested: StopCheck = _never,
) -> int:
    with uow:
        candidates = uow.imports.claimable(clock(), settings.import_lease_seconds)
    processed = 0
    for import_id in candidates:
        if stop_requested():
            break
        with uow:
            claimed = uow.imports.claim(import_id, clock(), settings.import_lease_seconds)
            uow.commit()
        if claimed:
            run_import(uow, import_id, settings, clock, stop_requested)
            processed += 1
    return processed


def run_import(
    uow: HouseholdsUnitOfWork,
    import_id: str,
    settings: Settings,
    clock: Clock,
    stop_requested: StopCheck = _never,
) -> None:
    with uow:
        job = uow.imports.get(import_id)
        data = uow.imports.content(import_id)
    try:
        _process(uow, job, data, settings, clock, stop_requested)
    except Paused:
        _requeue(uow, import_id)
        log.info("import.paused", import_id=import_id)
        return
    except ValidationFailed as refused:
        _finish(uow, import_id, clock(), status="failed", error=refused.detail)
        log.warning("import.failed", import_id=import_id, error=refused.detail)
        return
    _finish(uow, import_id, clock(), status="done", error=None)
    log.info("import.done", import_id=import_id)


def _process(
    uow: HouseholdsUnitOfWork,
    job: Any,
    data: bytes,
    settings: Settings,
    clock: Clock,
    stop_requested: StopCheck,
) -> None:
    caller = Caller.from_dict(json.loads(job.caller))
    rows = decoding.rows_of(data, job.format)
    header = next(rows, None) or []
    checker = RowChecker(header, None if caller.is_admin else caller.areas)
    valid: list[BmnRow] = []
    problems: list[tuple[int, str, str]] = []
    refused_villages: dict[int, str] = {}  # line -> village code as written, of refused rows
    lanes = [uow.sibling() for _ in range(_lanes(uow, settings))]
    writer = BatchWriter(
        lambda lane, *batch: _commit_batch(lanes[lane], job, *batch, clock, settings),
        len(lanes),
    )
    last = number = job.rows_read
    try:
        for number, line, result, village in _checked(checker, rows, job.rows_read):
            if isinstance(result, BmnRow):
                valid.append(result)
            else:
                problems.extend((line, field, message) for field, message in result)
                refused_villages[line] = village
            if number - last >= settings.import_batch_rows:
                writer.put(valid, problems, refused_villages, number)
                valid, problems, refused_villages, last = [], [], {}, number
                if stop_requested():
                    writer.close()  # the batches handed over commit; the rest waits
                    raise Paused()
            elif number % YIELD_EVERY == 0:
                eventlet.sleep(0)  # the writer sends its next statement; the database works
        if number > last:
            writer.put(valid, problems, refused_villages, number)
        writer.close()
    except BaseException:
        writer.abandon()
        raise


def _lanes(uow: HouseholdsUnitOfWork, settings: Settings) -> int:
    """Batches written at once: SQLite has one writer (and would block every green thread while
    a second one waited for its lock)."""
    return settings.import_writers if uow.backend == "postgresql" else 1


def _checked(
    checker: RowChecker, rows: Iterator[list[str]], done: int
) -> Iterator[tuple[int, int, BmnRow | list[tuple[str, str]], str]]:
    """Each data row checked; duplicates of an earlier row are refused. `number` counts data rows
    (a resumed import starts after `done` of them); `line` is the row as a spreadsheet shows it,
    the header being row 1, and is what errors name (blank rows count there too). Last, a refused
    row's village code as written (its tambon's counters)."""
    seen: dict[str, int] = {}
    number, line = 0, 1
    for values in rows:
        line += 1
        if not "".join(values).strip():  # a blank row
            continue
        number += 1
        result = checker.check(line, values)
        if isinstance(result, BmnRow):
            first = seen.setdefault(result.national_id, line)
            if first != line:
                result = [("head_national_id", f"already given in row {first} of this file")]
        if number > done:
            refused = not isinstance(result, BmnRow)
            yield number, line, result, checker.village_written(values) if refused else ""


def _rows_of(problems: list[tuple[int, str, str]]) -> int:
    return len({row for row, _, _ in problems})


def _commit_batch(
    uow: HouseholdsUnitOfWork,
    job: Any,
    valid: list[BmnRow],
    problems: list[tuple[int, str, str]],
    refused_villages: dict[int, str],
    rows_read: int,
    wait_turn: WaitTurn,
    clock: Clock,
    settings: Settings,
) -> None:
    for attempt in (1, 2):
        try:
            with uow, uow.if_taken():
                written = uow.bulk.upsert(
                    valid,
                    job.survey_year,
                    job.id,
                    clock(),
                    settings.import_events,
                    before_updates=wait_turn,
                )
                wait_turn()  # already passed unless the batch had nothing to update
                uow.emit_prepared(written.announced)
                surveyed(uow, written.updated, job.survey_year, job.id, settings, clock())
                problems = problems + written.refused
                rows = _record(uow, job.id, valid, problems, written.unchanged, rows_read, clock())
                counts = tally(valid, problems, written.unchanged_rows, refused_villages)
                uow.imports.count_tambons(job.id, counts)
                uow.commit()
            for outcome, count in rows.items():
                IMPORT_ROWS.labels(outcome).inc(count)
            break
        except KeyTaken:  # a registration took one of these people meanwhile: look again
            if attempt == 2:
                raise


def _record(
    uow: HouseholdsUnitOfWork,
    import_id: str,
    valid: list[BmnRow],
    problems: list[tuple[int, str, str]],
    unchanged: int,
    rows_read: int,
    now: datetime,
) -> dict[str, int]:
    """Counters: `accepted` rows wrote something (a new household, or new figures), `unchanged`
    rows found exactly their values stored, `rejected` rows were refused. Returns the batch's."""
    uow.imports.add_errors(import_id, problems)
    current = uow.imports.get(import_id, for_update=True)
    batch = {
        "accepted": len(valid) - _refused_valid(valid, problems) - unchanged,
        "unchanged": unchanged,
        "rejected": _rows_of(problems),
    }
    uow.imports.update(
        import_id,
        rows_read=rows_read,
        claimed_at=now,
        **{outcome: getattr(current, outcome) + count for outcome, count in batch.items()},
    )
    return batch


def _refused_valid(valid: list[BmnRow], problems: list[tuple[int, str, str]]) -> int:
    numbers = {row for row, _, _ in problems}
    return sum(1 for row in valid if row.number in numbers)


def _finish(
    uow: HouseholdsUnitOfWork, import_id: str, now: datetime, *, status: str, error: str | None
) -> None:
    """The import ends, and says so once with its counters (each tambon's coordinators hear of
    it from notifications: one summary per import, however many batches it took)."""
    with uow:
        uow.imports.update(import_id, status=status, error=error, finished_at=now)
        job = uow.imports.get(import_id)
        tambons = uow.imports.tambon_counts(import_id)
        record_import(uow, job, status, [t["tambon_code"] for t in tambons], now)
        uow.emit(
            HOUSEHOLD_IMPORT_FINISHED,
            {
                "import_id": import_id,
                "survey_year": job.survey_year,
                "status": status,
                "finished_at": now,
                "accepted": job.accepted,
                "unchanged": job.unchanged,
                "rejected": job.rejected,
                "tambons": tambons,
            },
        )
        uow.commit()


def _requeue(uow: HouseholdsUnitOfWork, import_id: str) -> None:
    """Back in the queue, its progress kept: the next claim resumes after the committed rows."""
    with uow:
        uow.imports.update(import_id, status="queued")
        uow.commit()
