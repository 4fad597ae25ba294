"""A report as CSV: UTF-8 with a byte-order mark, so Excel opens the Thai text as Thai."""

from __future__ import annotations

import csv
import io
from typing import Any

from gateway.reports.heading import Heading
from gateway.reports.model import Kind, Table


def csv_bytes(table: Table, head: Heading, language: str) -> bytes:
    """Header row, one row per area or team, then the totals row; numbers as plain numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = table.report.columns
    writer.writerow([head.code_header, head.name_header, *(c.header(language) for c in columns)])
    for row in table.rows:
        writer.writerow([row["key"], row["name"], *(_cell(c.kind, row[c.key]) for c in columns)])
    writer.writerow(["", head.totals_label, *(_cell(c.kind, table.totals[c.key]) for c in columns)])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _cell(kind: Kind, value: Any) -> Any:
    if value is None:
        return ""
    return f"{value:.2f}" if kind is Kind.PERCENT else value
