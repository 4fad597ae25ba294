"""BMN import entrypoints: chunked upload, progress, template, and the background processor."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.timers import configured_timer
from infra.validation import dump, listed, load
from services.households.imports.columns import csv_template, xlsx_template
from services.households.schemas.imports import (
    ImportChunk,
    ImportErrorOut,
    ImportOut,
    ListImportErrors,
    StartImport,
    Template,
)
from services.households.usecases import commands, import_worker, imports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _now() -> datetime:
    return datetime.now(UTC)


class ImportEntrypoints:
    uow: Any
    settings: Any
    stop_requested: Any

    @rpc
    def start_import(self, caller: dict, payload: dict) -> dict[str, Any]:
        command = command_of(commands.StartImport, load(StartImport, payload))
        return imports.start_import(self.uow, Caller.from_dict(caller), command, _now())

    @rpc
    def add_import_chunk(self, caller: dict, import_id: str, payload: dict) -> dict[str, Any]:
        command = command_of(commands.ImportChunk, load(ImportChunk, payload))
        who = Caller.from_dict(caller)
        return imports.add_import_chunk(self.uow, who, import_id, command, self.settings)

    @rpc
    def finish_import(self, caller: dict, import_id: str) -> dict[str, Any]:
        return imports.finish_import(self.uow, Caller.from_dict(caller), import_id, _now())

    @rpc
    def get_import(self, caller: dict, import_id: str) -> dict[str, Any]:
        return dump(ImportOut, imports.get_import(self.uow, Caller.from_dict(caller), import_id))

    @rpc
    def list_import_errors(self, caller: dict, import_id: str, query: dict) -> dict[str, Any]:
        command = command_of(commands.PageQuery, load(ListImportErrors, query))
        found = imports.list_import_errors(self.uow, Caller.from_dict(caller), import_id, command)
        return listed(ImportErrorOut, found)

    @rpc
    def import_template(self, query: dict) -> dict[str, Any]:
        """The columns a BMN file should carry, as CSV (UTF-8 with BOM) or XLSX bytes."""
        kind = load(Template, query)["format"]
        data, content_type = (
            (csv_template(), "text/csv; charset=utf-8")
            if kind == "csv"
            else (xlsx_template(), XLSX)
        )
        return {
            "file_name": f"bmn-households-template.{kind}",
            "content_type": content_type,
            "data_base64": base64.b64encode(data).decode(),
        }

    @configured_timer("import_poll_seconds", 2.0)
    def process_imports(self) -> None:
        import_worker.process_pending_imports(self.uow, self.settings, _now, self.stop_requested)
