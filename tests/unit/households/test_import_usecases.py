"""Receiving a BMN file with the fake unit of work: who may start an import, chunks stored once
and resent harmlessly, the size limit, the file's header checked at the end, and the paged
errors. No database."""

from __future__ import annotations

import base64

import pytest

from infra.errors import Conflict, Forbidden, NotFound, PayloadTooLarge, ValidationFailed
from infra.pagination import decode_cursor
from services.households.imports.columns import REQUIRED
from services.households.settings import Settings
from services.households.usecases import imports
from services.households.usecases.commands import ImportChunk, PageQuery, StartImport
from tests.unit.households.factories import COORDINATOR, EXPERT, LEADER, NOW
from tests.unit.households.fakes import FakeUnitOfWork

FILE = StartImport("bmn.csv", 2026, "csv")
HEADER = (",".join(REQUIRED) + "\n").encode()


def chunk(sequence: int, data: bytes) -> ImportChunk:
    return ImportChunk(sequence, base64.b64encode(data).decode())


def started(uow: FakeUnitOfWork) -> str:
    answer = imports.start_import(uow, COORDINATOR, FILE, NOW)
    assert answer["status"] == "receiving"
    return answer["id"]


def test_a_registrar_starts_an_import_that_only_they_see() -> None:
    uow = FakeUnitOfWork()
    iid = started(uow)

    found = imports.get_import(uow, COORDINATOR, iid)

    assert (found["file_name"], found["survey_year"], found["format"]) == ("bmn.csv", 2026, "csv")
    assert (found["created_by"], found["total_bytes"], found["errors"]) == (
        COORDINATOR.person_id, 0, [],
    )  # fmt: skip
    with pytest.raises(NotFound):
        imports.get_import(uow, EXPERT, iid)
    with pytest.raises(Forbidden):
        imports.start_import(uow, LEADER, FILE, NOW)


def test_chunks_are_stored_once_a_resend_is_harmless_and_other_bytes_conflict() -> None:
    uow = FakeUnitOfWork()
    iid = started(uow)
    settings = Settings()

    first = imports.add_import_chunk(uow, COORDINATOR, iid, chunk(0, b"abc"), settings)
    again = imports.add_import_chunk(uow, COORDINATOR, iid, chunk(0, b"abc"), settings)
    second = imports.add_import_chunk(uow, COORDINATOR, iid, chunk(1, b"de"), settings)

    assert first == again == {"id": iid, "chunks": 1, "total_bytes": 3}
    assert second == {"id": iid, "chunks": 2, "total_bytes": 5}
    with pytest.raises(Conflict):
        imports.add_import_chunk(uow, COORDINATOR, iid, chunk(1, b"xy"), settings)
    with pytest.raises(NotFound):
        imports.add_import_chunk(uow, EXPERT, iid, chunk(2, b"f"), settings)


def test_a_chunk_beyond_the_limit_or_not_base64_is_refused() -> None:
    uow = FakeUnitOfWork()
    iid = started(uow)
    with pytest.raises(PayloadTooLarge):
        imports.add_import_chunk(
            uow, COORDINATOR, iid, chunk(0, b"12345"), Settings(import_max_bytes=4)
        )
    with pytest.raises(ValidationFailed) as refused:
        bad = ImportChunk(0, "not base64!")
        imports.add_import_chunk(uow, COORDINATOR, iid, bad, Settings())
    assert [e.field for e in refused.value.errors] == ["data_base64"]
    assert imports.get_import(uow, COORDINATOR, iid)["total_bytes"] == 0


def test_finishing_checks_that_no_chunk_is_missing_then_queues_the_file() -> None:
    uow = FakeUnitOfWork()
    iid = started(uow)
    imports.add_import_chunk(uow, COORDINATOR, iid, chunk(1, HEADER), Settings())
    with pytest.raises(ValidationFailed):
        imports.finish_import(uow, COORDINATOR, iid, NOW)

    imports.add_import_chunk(uow, COORDINATOR, iid, chunk(0, b""), Settings())
    assert imports.finish_import(uow, COORDINATOR, iid, NOW) == {"id": iid, "status": "queued"}
    with pytest.raises(Conflict):
        imports.add_import_chunk(uow, COORDINATOR, iid, chunk(2, b"late"), Settings())


def test_the_errors_come_in_pages_in_row_order() -> None:
    uow = FakeUnitOfWork()
    iid = started(uow)
    with uow:
        uow.imports.add_errors(iid, [(3, "size", "m"), (2, "village_code", "m"), (2, "size", "m")])
        uow.commit()

    first = imports.list_import_errors(uow, COORDINATOR, iid, PageQuery(limit=2))
    rest = imports.list_import_errors(uow, COORDINATOR, iid, PageQuery(2, first.next))

    assert [(e.row, e.field) for e in first.items] == [(2, "size"), (2, "village_code")]
    assert first.next is not None and decode_cursor(first.next, 2) == [2, "village_code"]
    assert [(e.row, e.field) for e in rest.items] == [(3, "size")] and rest.next is None
    with pytest.raises(NotFound):
        imports.list_import_errors(uow, EXPERT, iid, PageQuery())
