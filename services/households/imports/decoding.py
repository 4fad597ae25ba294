"""From uploaded bytes to rows of text: CSV in UTF-8 (with or without BOM) or TIS-620/cp874,
and XLSX (read-only). A file that is none of these is refused with a reason, never guessed at.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from infra.errors import ValidationFailed

ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 64 * 1024


def refuse(message: str) -> ValidationFailed:
    return ValidationFailed.on("file", message)


def text_encoding(head: bytes) -> str:
    """utf-8-sig, utf-8 or cp874 (TIS-620 as Thai Excel saves it), judged on the file's start."""
    if not head:
        raise refuse("the file is empty")
    if b"\x00" in head:
        raise refuse("binary data, not a CSV text file (UTF-8 or TIS-620)")
    for encoding in ("utf-8-sig", "cp874"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise refuse("the text is neither UTF-8 nor TIS-620 (Thai Windows, cp874)")


def csv_rows(data: bytes) -> Iterator[list[str]]:
    encoding = text_encoding(data[:SNIFF_BYTES])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise refuse(f"undecodable bytes after offset {exc.start} ({encoding})") from None
    yield from csv.reader(io.StringIO(text, newline=""))


def xlsx_rows(data: bytes) -> Iterator[list[str]]:
    if not data:
        raise refuse("the file is empty")
    if not data.startswith(ZIP_MAGIC):
        raise refuse("not an XLSX workbook")
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise refuse("not a readable XLSX workbook") from None
    try:
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(v) for v in values]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    """Excel cells as the text a CSV would hold (IDs typed as numbers lose nothing)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def csv_header(head: bytes) -> list[str] | None:
    """The header row, read from the start of a file that may be cut mid-character."""
    encoding = text_encoding(head)
    text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    return next(csv.reader(io.StringIO(text, newline="")), None)


def rows_of(data: bytes, file_format: str) -> Iterator[list[str]]:
    return xlsx_rows(data) if file_format == "xlsx" else csv_rows(data)
