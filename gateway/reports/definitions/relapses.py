"""Relapses report (issue 16): graduated households a later BMN survey found below the income
threshold, per child area, by the fiscal year they graduated in."""

from __future__ import annotations

from gateway.reports.definitions.columns import count
from gateway.reports.model import Part, Report

FLAGGED_TH = "ที่พบในการสำรวจ จปฐ. ปีหลังจากนั้นว่ารายได้ต่ำกว่าเกณฑ์ จนถึงสิ้นปีงบประมาณ"
FLAGGED_EN = "found below the income threshold by a later BMN survey, by the fiscal year's end"

COLUMNS = (
    count(
        "relapsed",
        "ครัวเรือนที่กลับมาตกเกณฑ์",
        "Households relapsed",
        f"ครัวเรือนที่พ้นเกณฑ์แล้ว{FLAGGED_TH}",
        f"Graduated households {FLAGGED_EN}",
    ),
    count(
        "graduated_in_year",
        "พ้นเกณฑ์ในปีงบประมาณนี้",
        "Graduated in the fiscal year",
        f"ครัวเรือนที่พ้นเกณฑ์ในปีงบประมาณที่เลือก{FLAGGED_TH}",
        f"Households that graduated in the fiscal year asked for, {FLAGGED_EN}",
    ),
    count(
        "graduated_year_before",
        "พ้นเกณฑ์เมื่อ 1 ปีก่อน",
        "Graduated a year before",
        f"ครัวเรือนที่พ้นเกณฑ์ในปีงบประมาณก่อนหน้า{FLAGGED_TH}",
        f"Households that graduated in the fiscal year before, {FLAGGED_EN}",
    ),
    count(
        "graduated_two_years_before",
        "พ้นเกณฑ์เมื่อ 2 ปีก่อน",
        "Graduated two years before",
        f"ครัวเรือนที่พ้นเกณฑ์เมื่อสองปีงบประมาณก่อน{FLAGGED_TH}",
        f"Households that graduated two fiscal years before, {FLAGGED_EN}",
    ),
    count(
        "graduated_earlier",
        "พ้นเกณฑ์ก่อนนั้น",
        "Graduated earlier",
        f"ครัวเรือนที่พ้นเกณฑ์ก่อนหน้านั้น{FLAGGED_TH}",
        f"Households that graduated earlier still, {FLAGGED_EN}",
    ),
)

RELAPSES = Report(
    name="relapses",
    title_th="รายงานครัวเรือนกลับมาตกเกณฑ์",
    title_en="Relapses report",
    file_th="รายงานครัวเรือนกลับมาตกเกณฑ์",
    file_en="relapses-report",
    parts=(Part("households", "relapses_report"),),
    columns=COLUMNS,
)
