"""BMN import use cases: receive a file in chunks, then process it in the background."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, NotFound, PayloadTooLarge, ValidationFailed
from infra.logs import get_logger
from infra.pagination import Page, page
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.policy import REGISTRARS
from services.households.imports import decoding
from services.households.imports.columns import missing_columns
from services.households.settings import Settings
from services.households.usecases.commands import ImportChunk, PageQuery, StartImport

log = get_logger(__name__)
MAX_CHUNK_BYTES = 4 * 1024 * 1024
FIRST_ERRORS = 100


def start_import(
    uow: HouseholdsUnitOfWork, caller: Caller, command: StartImport, now: datetime
) -> dict[str, Any]:
    caller.require(*REGISTRARS)
    import_id = str(uuid.uuid4())
    with uow:
        uow.imports.create(
            {
                "id": import_id,
                "file_name": command.file_name,
                "survey_year": command.survey_year,
                "format": command.format,
                "status": "receiving",
                "caller": json.dumps(caller.to_dict()),
                "created_by": caller.person_id,
                "created_at": now,
                "total_bytes": 0,
                "rows_read": 0,
                "accepted": 0,
                "unchanged": 0,
                "rejected": 0,
            }
        )
        uow.commit()
    log.info("import.started", import_id=import_id, survey_year=command.survey_year)
    return {"id": import_id, "status": "receiving"}


def add_import_chunk(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    import_id: str,
    command: ImportChunk,
    settings: Settings,
) -> dict[str, Any]:
    """Idempotent per sequence: a resent chunk with the same bytes is accepted again."""
    data = _decoded(command.data_base64)
    with uow:
        row = _own_import(uow, caller, import_id, for_update=True)
        _require_status(row, "receiving")
        if row.total_bytes + len(data) > settings.import_max_bytes:
            raise PayloadTooLarge(f"an import holds at most {settings.import_max_bytes} bytes")
        earlier = uow.imports.add_chunk(import_id, command.sequence, data)
        if earlier is not None and earlier != data:
            raise Conflict(f"chunk {command.sequence} was already received with other bytes")
        total = row.total_bytes + (len(data) if earlier is None else 0)
        uow.imports.update(import_id, total_bytes=total)
        count, _ = uow.imports.chunk_summary(import_id)
        uow.commit()
    return {"id": import_id, "chunks": count, "total_bytes": total}


def finish_import(
    uow: HouseholdsUnitOfWork, caller: Caller, import_id: str, now: datetime
) -> dict[str, Any]:
    """Check the file's start (encoding, columns) now; queue the rows for the background."""
    with uow:
        row = _own_import(uow, caller, import_id, for_update=True)
        if row.status != "receiving":
            return {"id": import_id, "status": row.status}  # a resent finish
        count, highest = uow.imports.chunk_summary(import_id)
        if count != highest + 1:
            raise ValidationFailed.on("sequence", f"chunks are missing: {count} of {highest + 1}")
        problem = _sniff(uow.imports.content(import_id), row.format)
        status = "failed" if problem else "queued"
        uow.imports.update(
            import_id,
            status=status,
            error=problem and problem.detail,
            finished_at=now if problem else None,
        )
        uow.commit()
    if problem:
        raise problem
    return {"id": import_id, "status": status}


def get_import(uow: HouseholdsUnitOfWork, caller: Caller, import_id: str) -> dict[str, Any]:
    with uow:
        row = _own_import(uow, caller, import_id)
        errors = uow.imports.errors(import_id, None, FIRST_ERRORS)
    summary = {k: v for k, v in row._mapping.items() if k != "caller"}
    return {**summary, "errors": errors[:FIRST_ERRORS], "more_errors": len(errors) > FIRST_ERRORS}


def list_import_errors(
    uow: HouseholdsUnitOfWork, caller: Caller, import_id: str, query: PageQuery
) -> Page[Any]:
    with uow:
        _own_import(uow, caller, import_id)
        rows = uow.imports.errors(import_id, query.after, query.limit)
    return page(rows, query.limit, key=lambda r: [r.row, r.field])


def _sniff(data: bytes, file_format: str) -> ValidationFailed | None:
    try:
        if file_format == "csv":
            header = decoding.csv_header(data[: decoding.SNIFF_BYTES])
        else:
            header = next(decoding.xlsx_rows(data), None)
    except ValidationFailed as refused:
        return refused
    if not header or not any(header):
        return decoding.refuse("the file is empty")
    if missing := missing_columns(header):
        return ValidationFailed.on("file", f"the header lacks columns: {', '.join(missing)}")
    return None


def _own_import(
    uow: HouseholdsUnitOfWork, caller: Caller, import_id: str, *, for_update: bool = False
) -> Any:
    row = uow.imports.get(import_id, for_update=for_update)
    if row is None or not (caller.is_admin or row.created_by == caller.person_id):
        raise NotFound(f"import {import_id} not found")
    return row


def _require_status(row: Any, status: str) -> None:
    if row.status != status:
        raise Conflict(
            f"the import is {row.status}, not {status}", allowed=[], current_status=row.status
        )


def _decoded(text: str) -> bytes:
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationFailed.on("data_base64", "not base64") from None
    if len(data) > MAX_CHUNK_BYTES:
        raise PayloadTooLarge(f"a chunk holds at most {MAX_CHUNK_BYTES} bytes")
    return data
