"""XLSX and CSV exports of a table: what Excel opens holds what the JSON says."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from gateway.reports.formats import NotAcceptable, chosen_format, chosen_language
from gateway.reports.render import render
from tests.unit.reports.test_tables import table

TODAY = date(2026, 12, 2)
ANSWER = [{"rows": [{"key": "2401", "done": 1, "all": 3, "money": "1234.50"},
                    {"key": "2402", "done": 2, "all": 2, "money": "0.25"}]}]  # fmt: skip


def exported(fmt, language="th"):
    return render(table(ANSWER, language=language), 2570, fmt, language, TODAY)


def test_the_workbook_holds_the_json_numbers_titles_and_definitions():
    answer = exported("xlsx")
    data = exported("json").get_json()
    book = openpyxl.load_workbook(io.BytesIO(answer.get_data()))
    sheet, definitions = book.worksheets
    assert sheet["A1"].value == "ทดสอบ"
    assert sheet["A2"].value == "ฉะเชิงเทรา"
    assert sheet["A3"].value == "ข้อมูล ณ วันที่ 2 ธันวาคม 2569"
    assert sheet.freeze_panes == "C7" and sheet.auto_filter.ref.startswith("A6")
    header = [c.value for c in sheet[6]]
    assert header[:5] == ["รหัส", "พื้นที่", "เสร็จ", "ทั้งหมด", "อัตรา"]
    by_key = {row[0].value: row for row in sheet.iter_rows(min_row=7) if row[0].value}
    for row in data["rows"]:
        cells = by_key[row["key"]]
        assert cells[2].value == row["done"] and cells[3].value == row["all"]
        rate = cells[4].value
        assert rate == row["rate"] is None or rate == pytest.approx(row["rate"] / 100)
        assert Decimal(str(cells[5].value)) == Decimal(row["money"])
    totals = sheet[sheet.max_row]
    assert totals[1].value == "รวม" and totals[2].value == data["totals"]["done"] == 3
    assert totals[4].value == pytest.approx(0.6) and totals[4].number_format == "0.0%"
    assert totals[5].number_format == "#,##0.00" and by_key["2401"][2].number_format == "#,##0"
    assert (definitions["B2"].value, definitions["B4"].value) == ("จำนวน", "ร้อยละ")
    assert [r[0].value for r in definitions.iter_rows(min_row=2)] == [
        "เสร็จ",
        "ทั้งหมด",
        "อัตรา",
        "เงิน",
    ]


def test_the_file_name_is_thai_with_an_ascii_fallback():
    disposition = exported("xlsx").headers["Content-Disposition"]
    assert 'filename="demo-report-Chachoengsao-2570.xlsx"' in disposition
    assert "filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2" in disposition  # ราย...


def test_csv_starts_with_a_byte_order_mark_and_ends_with_the_totals():
    body = exported("csv", "en").get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert lines[0][:4] == ["Code", "Area", "Done", "All"]
    assert lines[1][:4] == ["2401", "Mueang Chachoengsao", "1", "3"]
    assert lines[-1][1:6] == ["Total", "3", "5", "60.00", "1234.75"]


def request(query="", **headers):
    return Request(EnvironBuilder(query_string=query, headers=headers).get_environ())


@pytest.mark.parametrize(
    "query, accept, fmt",
    [
        ("", None, "json"),
        ("format=csv", "application/json", "csv"),
        ("", "text/csv", "csv"),
        ("", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ("", "text/html, */*;q=0.1", "json"),
    ],
)
def test_the_format_comes_from_the_query_or_accept(query, accept, fmt):
    headers = {"Accept": accept} if accept else {}
    assert chosen_format(request(query, **headers)) == fmt


@pytest.mark.parametrize("query, accept", [("format=pdf", None), ("", "application/pdf")])
def test_an_unknown_format_is_not_acceptable(query, accept):
    headers = {"Accept": accept} if accept else {}
    with pytest.raises(NotAcceptable) as refused:
        chosen_format(request(query, **headers))
    assert refused.value.status == 406


def test_english_on_request():
    assert chosen_language(request("lang=en")) == "en"
    assert chosen_language(request("", **{"Accept-Language": "en-GB,en;q=0.9"})) == "en"
    assert chosen_language(request("", **{"Accept-Language": "th,en;q=0.5"})) == "th"
    assert chosen_language(request()) == "th"
