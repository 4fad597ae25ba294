"""Escalations report (issue 14, report 5): the notifications service's figures per child area."""

from __future__ import annotations

from gateway.reports.definitions.columns import count, hours
from gateway.reports.model import Part, Report

KINDS = (
    ("visit_overdue", "เยี่ยมเกินกำหนด", "Visit overdue"),
    ("plan_waiting", "แผนรออนุมัตินาน", "Plan waiting too long"),
    ("referral_not_accepted", "ส่งต่อแล้วไม่มีผู้รับ", "Referral not accepted"),
    ("loan_arrears", "เงินกู้ค้างชำระ", "Loan in arrears"),
    ("income_falling", "รายได้ลดลง", "Income falling"),
    ("team_incomplete", "ทีมไม่ครบ", "Team missing a member"),
    ("case_risk", "ความเสี่ยงสูง", "Case at high risk"),
    ("cohort_follow_up_overdue", "ติดตามผลฝึกอาชีพเกินกำหนด", "Training follow-up overdue"),
)
LEVELS = (
    ("ชช. ของทีม", "the team's district expert"),
    ("พัฒนาการอำเภอ", "the district supervisor"),
    ("พัฒนาการจังหวัด", "the provincial supervisor"),
)
IN_YEAR_TH, IN_YEAR_EN = "ในปีงบประมาณ", "in the fiscal year"

_FLOW = (
    count(
        "opened", "เปิดใหม่", "Opened", f"เรื่องที่เปิด{IN_YEAR_TH}", f"Escalations opened {IN_YEAR_EN}"
    ),
    count(
        "acknowledged",
        "รับทราบ",
        "Acknowledged",
        f"เรื่องที่มีผู้รับทราบ{IN_YEAR_TH}",
        f"Escalations acknowledged {IN_YEAR_EN}",
    ),
    count(
        "resolved",
        "แก้ไขแล้ว",
        "Resolved",
        f"เรื่องที่มีผู้แก้ไขเสร็จ{IN_YEAR_TH}",
        f"Escalations a person resolved {IN_YEAR_EN}",
    ),
    count(
        "closed",
        "ปิดเองเมื่อเหตุหมดไป",
        "Closed by events",
        f"เรื่องที่ปิดเองเพราะเหตุหมดไป (เช่น เยี่ยมแล้ว){IN_YEAR_TH}",
        f"Escalations closed by the event that ended their cause (a visit made) {IN_YEAR_EN}",
    ),
)
_STILL_OPEN = (
    *(
        count(
            f"open_level_{level}",
            f"ค้างที่ระดับ {level + 1}",
            f"Open at level {level + 1}",
            f"เรื่องที่ยังไม่มีผู้รับทราบ ขณะนี้อยู่ที่{th}",
            f"Escalations nobody acknowledged yet, now with {en}",
        )
        for level, (th, en) in enumerate(LEVELS)
    ),
    count(
        "acknowledged_open",
        "รับทราบแล้วยังไม่แก้",
        "Acknowledged, not resolved",
        "เรื่องที่รับทราบแล้วแต่ยังไม่แก้ไขเสร็จ ขณะนี้",
        "Acknowledged and not yet resolved, now",
    ),
)
_TIMES = (
    hours(
        "median_hours_to_acknowledge",
        "มัธยฐานชั่วโมงถึงรับทราบ",
        "Median hours to acknowledge",
        f"มัธยฐานของชั่วโมงจากเปิดเรื่องถึงรับทราบ เรื่องที่เปิด{IN_YEAR_TH}",
        f"Median hours from opening to acknowledgement, escalations opened {IN_YEAR_EN}",
    ),
    hours(
        "median_hours_to_resolve",
        "มัธยฐานชั่วโมงถึงแก้ไข",
        "Median hours to resolve",
        f"มัธยฐานของชั่วโมงจากเปิดเรื่องถึงแก้ไขเสร็จ เรื่องที่เปิด{IN_YEAR_TH}",
        f"Median hours from opening to resolution, escalations opened {IN_YEAR_EN}",
    ),
)
_BY_KIND = tuple(
    count(f"opened_{key}", f"เปิด: {th}", f"Opened: {en}", f"เรื่อง{th}ที่เปิด{IN_YEAR_TH}",
          f"Escalations of kind '{en}' opened {IN_YEAR_EN}")
    for key, th, en in KINDS
)  # fmt: skip

ESCALATIONS = Report(
    name="escalations",
    title_th="รายงานเรื่องเร่งด่วน",
    title_en="Escalations report",
    file_th="รายงานเรื่องเร่งด่วน",
    file_en="escalations-report",
    parts=(Part("notifications", "escalations_report"),),
    columns=_FLOW + _STILL_OPEN + _TIMES + _BY_KIND,
)
