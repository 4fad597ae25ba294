"""A report as an Excel workbook (XlsxWriter): title rows, a frozen and filtered header row,
number formats by column kind, the totals row, and a second sheet defining each column."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from gateway.reports.heading import Heading
from gateway.reports.model import Column, Kind, Table

HEADER_ROW = 5  # rows 0-3 are the title rows, 4 is blank
NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.BAHT: "#,##0.00",
    Kind.PERCENT: "0.0%",
    Kind.HOURS: "#,##0.0",
    Kind.NUMBER: "#,##0",
    Kind.TEXT: "@",
}
SHEETS = {"th": ("รายงาน", "คำอธิบายคอลัมน์"), "en": ("Report", "Column definitions")}
KIND_NAMES_TH = {
    Kind.COUNT: "จำนวน",
    Kind.BAHT: "บาท",
    Kind.PERCENT: "ร้อยละ",
    Kind.HOURS: "ชั่วโมง",
    Kind.NUMBER: "จำนวน (ไม่รวมยอด)",
    Kind.TEXT: "ข้อความ",
}
DEFINITION_HEADERS = {"th": ("คอลัมน์", "ชนิด", "ความหมาย"), "en": ("Column", "Kind", "Meaning")}


def xlsx_bytes(table: Table, head: Heading, language: str) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    report_sheet, definitions_sheet = SHEETS[language]
    _write_report(book, book.add_worksheet(report_sheet), table, head, language)
    _write_definitions(book, book.add_worksheet(definitions_sheet), table, language)
    book.close()
    return out.getvalue()


def _write_report(
    book: Workbook, sheet: Worksheet, table: Table, head: Heading, language: str
) -> None:
    bold = book.add_format({"bold": True})
    sheet.write(0, 0, head.title, book.add_format({"bold": True, "font_size": 14}))
    for row, text in enumerate((head.area, head.as_of, head.fiscal_year), start=1):
        sheet.write(row, 0, text)
    columns = table.report.columns
    headers = [head.code_header, head.name_header, *(c.header(language) for c in columns)]
    wrap = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    sheet.write_row(HEADER_ROW, 0, headers, wrap)
    formats = {kind: book.add_format({"num_format": f}) for kind, f in NUMBER_FORMATS.items()}
    totals = {k: book.add_format({"num_format": f, "bold": True, "top": 1}) for k, f in
              NUMBER_FORMATS.items()}  # fmt: skip
    for offset, row in enumerate(table.rows, start=1):
        sheet.write_string(HEADER_ROW + offset, 0, row["key"])
        sheet.write_string(HEADER_ROW + offset, 1, row["name"])
        _write_values(sheet, HEADER_ROW + offset, columns, row, formats)
    last = HEADER_ROW + len(table.rows) + 1
    sheet.write_string(last, 1, head.totals_label, bold)
    _write_values(sheet, last, columns, table.totals, totals)
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + max(len(table.rows), 1), len(headers) - 1)
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, len(headers) - 1, 16)


def _write_values(
    sheet: Worksheet, row: int, columns: tuple[Column, ...], values: dict, formats: dict
) -> None:
    for index, column in enumerate(columns, start=2):
        cell = _cell(column.kind, values.get(column.key))
        if cell is None:
            sheet.write_blank(row, index, None, formats[column.kind])
        elif column.kind is Kind.TEXT:
            sheet.write_string(row, index, str(cell), formats[column.kind])
        else:
            sheet.write_number(row, index, cell, formats[column.kind])


def _cell(kind: Kind, value: Any) -> Any:
    if value is None or kind is Kind.TEXT:
        return value
    if kind is Kind.PERCENT:
        return value / 100  # Excel's percent format multiplies by 100
    return float(value) if kind is Kind.BAHT else value


def _write_definitions(book: Workbook, sheet: Worksheet, table: Table, language: str) -> None:
    bold = book.add_format({"bold": True, "bottom": 1})
    sheet.write_row(0, 0, DEFINITION_HEADERS[language], bold)
    for row, column in enumerate(table.report.columns, start=1):
        kind = KIND_NAMES_TH[column.kind] if language == "th" else column.kind.value
        sheet.write_row(row, 0, (column.header(language), kind, column.definition(language)))
    sheet.set_column(0, 0, 30)
    sheet.set_column(2, 2, 90)
