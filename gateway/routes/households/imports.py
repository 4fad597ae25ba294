"""BMN imports: the file in one request (streamed to the service in chunks), progress, errors."""

from __future__ import annotations

import base64

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import page_response, query_of
from gateway.routes.households.base import HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.households.schemas.imports import (
    ImportErrorOut,
    ImportOut,
    ListImportErrors,
    Template,
    UploadImport,
)

IMPORT = "/api/v1/household-imports/<string:import_id>"
CHUNK_BYTES = 4 * 1024 * 1024  # the service takes chunks of at most 4 MB
MAX_UPLOAD_BYTES = 256 * 1024 * 1024  # HOUSEHOLDS.import_max_bytes refuses larger files too
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _whole_number(text: str | None) -> int | str | None:
    """Query strings are text; digits become a number, anything else goes on to be refused."""
    return int(text) if text and text.isascii() and text.isdigit() else text


class ImportRoutes(HouseholdsCalls):
    @api(
        "POST",
        "/api/v1/household-imports",
        summary="Upload a BMN file (CSV in UTF-8, UTF-8 "
        "with BOM or TIS-620, or XLSX) as the body; it is imported in the background",
        query=UploadImport,
        responses={202: ImportOut},
        upload=(CSV, XLSX),
        tags=HOUSEHOLDS,
        max_bytes=MAX_UPLOAD_BYTES,
        operation="household_imports.upload",
    )
    def upload_import(self, request: Request, caller: Caller) -> Response:
        started = self._households(
            "start_import",
            caller,
            {
                "file_name": request.args.get("file_name", "upload"),
                "survey_year": _whole_number(request.args.get("survey_year")),
                "format": request.args.get("format"),
            },
        )
        for sequence, chunk in enumerate(iter(lambda: request.stream.read(CHUNK_BYTES), b"")):
            self._households(
                "add_import_chunk",
                caller,
                started["id"],
                {"sequence": sequence, "data_base64": base64.b64encode(chunk).decode()},
            )
        queued = self._households("finish_import", caller, started["id"])
        progress = self._households("get_import", caller, queued["id"])
        return json_response(
            progress, 202, {"Location": f"/api/v1/household-imports/{queued['id']}"}
        )

    @api(
        "GET",
        IMPORT,
        summary="An import's progress: rows read, accepted, unchanged, rejected, errors",
        responses={200: ImportOut},
        tags=HOUSEHOLDS,
        operation="household_imports.get",
    )
    def get_import(self, request: Request, import_id: str, caller: Caller) -> Response:
        return json_response(self._households("get_import", caller, import_id))

    @api(
        "GET",
        IMPORT + "/errors",
        summary="Every rejected row, with row number and field",
        query=ListImportErrors,
        responses={200: page_of(ImportErrorOut, "ImportErrorPage")},
        tags=HOUSEHOLDS,
        operation="household_imports.errors.list",
    )
    def list_import_errors(self, request: Request, import_id: str, caller: Caller) -> Response:
        query = query_of(request, "after", "limit")
        return page_response(
            request, self._households("list_import_errors", caller, import_id, query)
        )

    @api(
        "GET",
        "/api/v1/household-imports/template",
        summary="The file of the columns an import expects",
        query=Template,
        responses={200: None},
        tags=HOUSEHOLDS,
        operation="household_imports.template.get",
    )
    def import_template(self, request: Request, caller: Caller) -> Response:
        template = self.rpc.call("households", "import_template", query_of(request, "format"))
        disposition = f'attachment; filename="{template["file_name"]}"'
        return Response(
            base64.b64decode(template["data_base64"]),
            mimetype=template["content_type"],
            headers={"Content-Disposition": disposition},
        )
