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
UNDECODABLE = "\x1a"  # ASCII SUB(stitute), in place of each undecodable run of bytes


def refuse(message: str) -> ValidationFailed:
    return ValidationFailed.on("file", message)


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return UNDECODABLE, error.end


codecs.register_error("bmn_undecodable", _mark_undecodable)


def text_encoding(head: bytes) -> str:
    """utf-8-sig or cp874 (TIS-620 as Thai Excel saves it), whichever reads the file's start with
    fewer undecodable bytes (UTF-8 on a tie). A stray byte is the refusal of its row only
    (`UNDECODABLE` marks it); more than one in a hundred means the text is neither."""
    if not head:
        raise refuse("the file is empty")
    if b"\x00" in head:
        raise refuse("binary data, not a CSV text file (UTF-8 or TIS-620)")
    as_utf8, as_thai = _undecodable(head, "utf-8-sig"), _undecodable(head, "cp874")
    encoding = "cp874" if as_thai < as_utf8 else "utf-8-sig"
    if min(as_utf8, as_thai) > len(head) // 100 + 1:
        raise refuse("the text is neither UTF-8 nor TIS-620 (Thai Windows, cp874)")
    return encoding


def _undecodable(head: bytes, encoding: str) -> int:
    text = _decoder(encoding).decode(head, final=False)
    return text.count(UNDECODABLE) - head.count(UNDECODABLE.encode())


def _decoder(encoding: str) -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder(encoding)(errors="bmn_undecodable")


def csv_rows(data: bytes) -> Iterator[list[str]]:
    """The rows as text; an undecodable byte becomes `UNDECODABLE` in its value, which the row
    check refuses for that row alone."""
    encoding = text_encoding(data[:SNIFF_BYTES])
    text = data.decode(encoding, errors="bmn_undecodable")
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
    text = _decoder(text_encoding(head)).decode(head, final=False)
    return next(csv.reader(io.StringIO(text, newline="")), None)


def rows_of(data: bytes, file_format: str) -> Iterator[list[str]]:
    return xlsx_rows(data) if file_format == "xlsx" else csv_rows(data)
