"""The report model: rows typed, totals summed, percentages recomputed from the totals."""

from decimal import Decimal

import pytest

from gateway.reports.compose import Asked, build, expected_keys
from gateway.reports.definitions.columns import baht, count, number, share
from gateway.reports.model import Part, Report
from infra.reports import ReportScope

REPORT = Report(
    name="demo",
    title_th="ทดสอบ",
    title_en="Demo",
    file_th="รายงานทดสอบ",
    file_en="demo-report",
    parts=(Part("households", "demo"),),
    columns=(
        count("done", "เสร็จ", "Done", "d", "d"),
        count("all", "ทั้งหมด", "All", "a", "a"),
        share("rate", "อัตรา", "Rate", ("done", "all"), "r", "r"),
        baht("money", "เงิน", "Money", "m", "m"),
    ),
)
PROVINCE = ReportScope("24", ("24",), 4)


def table(answers, scope=PROVINCE, language="th"):
    return build(Asked(REPORT, scope.area, 2570, language), scope, answers)


def test_totals_are_the_sum_of_the_rows_and_rates_come_from_the_totals():
    made = table(
        [{"rows": [{"key": "2401", "done": 1, "all": 2, "money": "10.50"},
                   {"key": "2402", "done": 3, "all": 3, "money": "0.25"}]}]
    )  # fmt: skip
    rows = {row["key"]: row for row in made.rows}
    assert rows["2401"]["rate"] == 50.0 and rows["2402"]["rate"] == 100.0
    assert made.totals["done"] == 4 and made.totals["all"] == 5
    assert made.totals["rate"] == 80.0  # not 150 (summed) nor 75 (averaged)
    assert made.totals["money"] == Decimal("10.75")


def test_every_child_area_is_a_row_even_with_nothing_to_count():
    made = table([{"rows": [{"key": "2401", "done": 1, "all": 1}]}])
    assert [row["key"] for row in made.rows] == [f"24{n:02d}" for n in range(1, 12)]
    quiet = next(row for row in made.rows if row["key"] == "2411")
    assert quiet["done"] == 0 and quiet["rate"] is None and quiet["money"] == Decimal("0.00")
    assert quiet["name"] == "คลองเขื่อน"


def test_parts_of_a_report_are_merged_by_key():
    made = table([{"rows": [{"key": "2401", "done": 2}]}, {"rows": [{"key": "2401", "all": 4}]}])
    row = made.rows[0]
    assert (row["done"], row["all"], row["rate"]) == (2, 4, 50.0)


def test_a_caller_with_part_of_the_area_gets_rows_for_that_part_only():
    assert expected_keys(REPORT, ReportScope("24", ("2401", "2403"), 4)) == ["2401", "2403"]
    assert expected_keys(REPORT, ReportScope("24", ("240101",), 4)) == ["2401"]


@pytest.mark.parametrize("scope", [ReportScope("240101", ("240101",), 8)])
def test_a_tambon_lists_the_villages_the_services_know(scope):
    made = table([{"rows": [{"key": "24010103", "done": 1}]}], scope)
    assert [(r["key"], r["name"]) for r in made.rows] == [("24010103", "หมู่ที่ 3")]


def test_a_province_target_that_districts_do_not_split_comes_as_the_services_total():
    """As the Sammachip report needs: target villages set for the province only."""
    report = Report(
        name="targets",
        title_th="เป้า",
        title_en="Targets",
        file_th="เป้า",
        file_en="targets",
        parts=(Part("teams", "targets"),),
        columns=(
            number("target", "เป้า", "Target", "t", "t"),
            count("done", "ทำได้", "Done", "d", "d"),
            share("achieved", "ร้อยละ", "Achieved", ("done", "target"), "p", "p"),
        ),
    )
    answer = {"rows": [{"key": "2401", "done": 30}, {"key": "2402", "done": 12}],
              "totals": {"target": 123}}  # fmt: skip
    made = build(Asked(report, "24", 2570, "th"), PROVINCE, [answer])
    assert made.rows[0]["target"] is None and made.rows[0]["achieved"] is None
    assert made.totals == {"target": 123, "done": 42, "achieved": 34.15}
