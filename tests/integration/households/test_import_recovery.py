"""A crash mid-import leaves whole batches only; the next claim resumes after the last one."""

import base64
from datetime import UTC, datetime, timedelta

import pytest

from infra.caller import Caller
from services.households.db import bulk
from services.households.db.tables import households, imports
from services.households.settings import Settings
from services.households.usecases import import_worker
from services.households.usecases import imports as import_usecases
from services.households.usecases.commands import ImportChunk, StartImport
from tests.integration.households.support import COORDINATOR, rows
from tests.integration.households.test_imports import csv_bytes, good

SETTINGS = Settings(import_batch_rows=4, import_lease_seconds=60)


class Crash(Exception):
    pass


def queued_import(uow, records, caller=COORDINATOR):
    who, now = Caller.from_dict(caller), datetime.now(UTC)
    iid = import_usecases.start_import(uow, who, StartImport("b.csv", 2026, "csv"), now)["id"]
    chunk = ImportChunk(0, base64.b64encode(csv_bytes(records)).decode())
    import_usecases.add_import_chunk(uow, who, iid, chunk, SETTINGS)
    import_usecases.finish_import(uow, who, iid, now)
    return iid


def test_a_crashed_import_resumes_after_its_last_whole_batch(migrated, uow, monkeypatch):
    iid = queued_import(uow, [good(seed) for seed in range(1, 11)])
    calls = []

    upsert = bulk.BulkRows.upsert

    def crash_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise Crash("the worker died")
        return upsert(*args, **kwargs)

    monkeypatch.setattr(bulk.BulkRows, "upsert", crash_on_second)
    now = datetime.now(UTC)
    with pytest.raises(Crash):
        import_worker.process_pending_imports(uow, SETTINGS, lambda: now)
    (job,) = rows(migrated, imports)
    assert (job.id, job.status, job.rows_read, job.accepted) == (iid, "processing", 4, 4)
    assert len(rows(migrated, households)) == 4  # the batch in flight left nothing

    monkeypatch.setattr(bulk.BulkRows, "upsert", upsert)
    assert import_worker.process_pending_imports(uow, SETTINGS, lambda: now) == 0  # leased
    later = now + timedelta(seconds=61)
    assert import_worker.process_pending_imports(uow, SETTINGS, lambda: later) == 1
    (job,) = rows(migrated, imports)
    assert (job.status, job.rows_read, job.accepted, job.rejected) == ("done", 10, 10, 0)
    assert len(rows(migrated, households)) == 10
    with uow:  # the batches committed before the crash are counted once, not again
        assert uow.imports.tambon_counts(iid) == [
            {"tambon_code": "240101", "accepted": 10, "unchanged": 0, "rejected": 0}
        ]


def test_a_stopping_service_ends_an_import_after_whole_batches_and_the_next_start_resumes(
    migrated, uow
):
    iid = queued_import(uow, [good(seed) for seed in range(1, 11)])
    asked = []

    def stop_after_the_first_batch():
        asked.append(1)
        return len(asked) > 1  # asked once before the claim, then after each batch handed over

    now = datetime.now(UTC)
    assert import_worker.process_pending_imports(
        uow, SETTINGS, lambda: now, stop_after_the_first_batch
    )
    (job,) = rows(migrated, imports)
    assert (job.id, job.status, job.rows_read, job.accepted) == (iid, "queued", 4, 4)
    assert job.finished_at is None
    assert len(rows(migrated, households)) == 4

    assert import_worker.process_pending_imports(uow, SETTINGS, lambda: now) == 1  # no lease wait
    (job,) = rows(migrated, imports)
    assert (job.status, job.rows_read, job.accepted, job.rejected) == ("done", 10, 10, 0)
    assert len(rows(migrated, households)) == 10
    with uow:  # the batches committed before the crash are counted once, not again
        assert uow.imports.tambon_counts(iid) == [
            {"tambon_code": "240101", "accepted": 10, "unchanged": 0, "rejected": 0}
        ]
