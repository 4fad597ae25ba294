"""A composed report as the answer asked for: JSON, XLSX or CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from werkzeug.wrappers import Response

from gateway.http import json_response
from gateway.reports.csv_table import csv_bytes
from gateway.reports.formats import MEDIA_TYPES, content_disposition
from gateway.reports.heading import file_stem, heading
from gateway.reports.model import Table
from gateway.reports.xlsx import xlsx_bytes
from infra.areas import area


def render(table: Table, fiscal_year: int, fmt: str, language: str, today: date) -> Response:
    if fmt == "json":
        return json_response(as_json(table, fiscal_year, language, today))
    report = table.report
    head = heading(report.title(language), table, fiscal_year, today, language)
    body = (xlsx_bytes if fmt == "xlsx" else csv_bytes)(table, head, language)
    base = report.file_en if language == "en" else report.file_th
    name = f"{file_stem(base, table, fiscal_year, language)}.{fmt}"
    fallback = f"{file_stem(report.file_en, table, fiscal_year, 'en')}.{fmt}"
    media = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt == "csv" else "")
    disposition = content_disposition(name, fallback)
    return Response(body, headers={"Content-Type": media, "Content-Disposition": disposition})


def as_json(table: Table, fiscal_year: int, language: str, today: date) -> dict[str, Any]:
    report = table.report
    return {
        "report": report.name,
        "title": report.title(language),
        "area": None if table.area is None else area(table.area).to_dict(),
        "team": None if table.team is None else table.team.to_dict(),
        "fiscal_year": fiscal_year,
        "as_of": today.isoformat(),
        "language": language,
        "columns": [
            {
                "key": c.key,
                "kind": c.kind.value,
                "header": c.header(language),
                "definition": c.definition(language),
            }
            for c in report.columns
        ],
        "rows": [_plain(row) for row in table.rows],
        "totals": _plain(table.totals),
    }


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Baht as decimal strings ("1234.50"), never binary floats."""
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in values.items()}
