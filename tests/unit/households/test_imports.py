"""BMN rows and files: decoding and checks, without a database."""

import csv
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.errors import ValidationFailed
from services.households.imports.columns import COLUMNS, REQUIRED, missing_columns
from services.households.imports.decoding import csv_header, csv_rows, text_encoding
from services.households.imports.rows import BmnRow, RowChecker, indicator_codes

ROW = ["24010101", "1101700230708", "สมชาย", "ใจดี", "4", "84,000.50", "7; 12", "2513-05-01"]
HEADER = [*REQUIRED, "failed_indicators", "head_birth_date"]


def test_a_good_row_reads_thai_conventions():
    row = RowChecker(HEADER, ("2401",)).check(1, ROW)
    assert isinstance(row, BmnRow)
    assert (row.income_satang, row.failed_indicators, row.birth_date.year) == (
        8400050,
        ("12", "7"),
        1970,
    )


@pytest.mark.parametrize(
    "column, value, field",
    [
        (0, "24010102", None),
        (0, "99999901", "village_code"),
        (1, "1101700230705", "head_national_id"),
        (4, "0", "household_size"),
        (5, "-1", "annual_income_thb"),
        (5, "ten", "annual_income_thb"),
        (5, "1.005", "annual_income_thb"),
        (6, "x", "failed_indicators"),
        (0, "25010101", "village_code"),
        (2, "สม\x1fชาย", "head_first_name"),
        (3, "ใจ\x00ดี", "head_last_name"),
    ],
)
def test_each_bad_value_is_named_by_its_column(column, value, field):
    values = list(ROW)
    values[column] = value
    result = RowChecker(HEADER, ("24",)).check(1, values)
    if field is None:
        assert isinstance(result, BmnRow)
    else:
        assert [f for f, _ in result] == [field] and value not in str(result)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_thai_text_decodes_from_every_accepted_encoding(encoding):
    data = (",".join(HEADER) + "\n" + ",".join(ROW) + "\n").encode(encoding)
    assert list(csv_rows(data))[1][2] == "สมชาย"
    assert csv_header(data[:40]) == HEADER[:3] or csv_header(data[:40])[0].endswith("village_code")


def test_utf16_and_empty_files_are_refused():
    with pytest.raises(ValidationFailed):
        text_encoding("village_code".encode("utf-16"))
    with pytest.raises(ValidationFailed):
        text_encoding(b"")


@given(st.binary(min_size=1, max_size=2000))
def test_any_bytes_decode_or_are_refused_with_a_file_error(data):
    try:
        text_encoding(data)
    except ValidationFailed as refused:
        assert refused.errors[0].field == "file"


def test_the_template_names_every_required_column():
    assert missing_columns(list(COLUMNS)) == [] and missing_columns(["x"]) == list(REQUIRED)


def test_rows_longer_or_shorter_than_the_header_read_the_right_columns():
    checker = RowChecker(HEADER, None)
    assert isinstance(checker.check(1, [*ROW, "extra", "columns"]), BmnRow)
    short = checker.check(2, ROW[:6])
    assert isinstance(short, BmnRow) and short.failed_indicators == () and short.birth_date is None


def test_a_house_number_with_a_control_character_is_refused():
    header, values = [*HEADER, "house_no"], [*ROW, "12\x1e3"]
    result = RowChecker(header, ("24",)).check(1, values)
    assert [f for f, _ in result] == ["house_no"]
    assert RowChecker(header, ("24",)).check(1, [*ROW, "12/3"]).house_no == "12/3"


def plainindicator_codes(value):
    """The definition: codes like 7 or 7.1 between separators, sorted, unique, at most 60."""
    codes = tuple(sorted({c for c in re.split(r"[;,\s]+", value) if c}))
    if len(codes) > 60 or any(not re.fullmatch(r"\d{1,2}(\.\d{1,2})?", c) for c in codes):
        return None
    return codes


@given(st.text(alphabet="0123456789.;, \tx", max_size=40))
def test_the_fast_indicator_reader_agrees_with_the_plain_definition(value):
    assert indicator_codes(value) == plainindicator_codes(value)


def thai_file(*rows: list[str], encoding: str = "cp874") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["cp874", "utf-8"])
def test_an_undecodable_byte_refuses_its_row_and_names_the_column(encoding):
    data = thai_file(ROW, ROW, encoding=encoding)
    broken = data.replace("ใจดี".encode(encoding), b"\xff", 1)  # in the first data row
    header, first, second = list(csv_rows(broken))
    checker = RowChecker(header, ("24",))
    assert [field for field, _ in checker.check(2, first)] == ["head_last_name"]
    assert isinstance(checker.check(3, second), BmnRow)
    assert text_encoding(broken) == ("cp874" if encoding == "cp874" else "utf-8-sig")


def test_a_file_of_undecodable_bytes_is_still_refused_whole():
    with pytest.raises(ValidationFailed) as refused:
        text_encoding(b"village_code\n" + b"\x81\xff\xfe\x83" * 50)
    assert "neither UTF-8 nor TIS-620" in refused.value.detail
