"""Cases report (issue 14, report 1): the households service's figures per child area, or for
one team (`?team=`) per village of its households."""

from __future__ import annotations

from gateway.reports.definitions.columns import count, share
from gateway.reports.model import Part, Report

STAGES = (
    ("registered", "ยังไม่ชี้เป้า", "Registered, not yet targeted"),
    ("target", "ชี้เป้าชีวิต", "Target"),
    ("compass", "จัดทำเข็มทิศชีวิต", "Compass"),
    ("manage", "บริหารจัดการชีวิต", "Manage"),
    ("care", "ดูแลชีวิต", "Care"),
    ("graduated", "พ้นเกณฑ์", "Graduated"),
    ("declined", "ปฏิเสธ", "Declined"),
    ("moved", "ย้ายออก", "Moved away"),
    ("deceased", "เสียชีวิต", "Deceased"),
)
INTERVENTION_KINDS = (
    ("livelihood_training", "ฝึกอาชีพ", "Livelihood training"),
    ("funding_access", "เข้าถึงแหล่งทุน", "Funding access"),
    ("referral", "ส่งต่อหน่วยงาน", "Referral"),
    ("in_kind", "สิ่งของ", "In kind"),
)
INTERVENTION_STATUSES = (
    ("requested", "ขอแล้ว", "Requested"),
    ("accepted", "รับแล้ว", "Accepted"),
    ("in_progress", "กำลังดำเนินการ", "In progress"),
    ("done", "เสร็จแล้ว", "Done"),
    ("rejected", "ไม่รับ", "Rejected"),
)

_HEAD = (
    count(
        "registered",
        "ครัวเรือนในทะเบียน",
        "Households registered",
        "ครัวเรือนทั้งหมดในทะเบียน ไม่นับรายการซ้ำที่รวมแล้ว",
        "Every household in the registry, duplicates merged away not counted",
    ),
    count(
        "targeted",
        "ครัวเรือนเป้าหมาย",
        "Households targeted",
        "ครัวเรือนที่ถูกชี้เป้าแล้ว (ทุกขั้นหลังทะเบียน)",
        "Households targeted (any stage after the registry)",
    ),
)
_BY_STAGE = tuple(
    count(
        f"stage_{key}",
        f"ขั้น{th}" if key in ("target", "compass", "manage", "care") else th,
        f"Stage: {en}",
        f"ครัวเรือนที่อยู่ในขั้น {th} ขณะนี้",
        f"Households now in stage {en}",
    )
    for key, th, en in STAGES
)
_OUTCOMES = (
    count(
        "consented",
        "ยินยอมเข้าร่วม",
        "Consented",
        "ครัวเรือนที่แจ้งว่ายินยอมเข้าร่วม",
        "Households that said yes to taking part",
    ),
    count(
        "declined", "ไม่ยินยอม", "Declined", "ครัวเรือนที่แจ้งว่าไม่ยินยอมเข้าร่วม", "Households that said no"
    ),
    count(
        "graduated_in_year",
        "พ้นเกณฑ์ในปีงบประมาณ",
        "Graduated in the fiscal year",
        "ครัวเรือนที่พ้นเกณฑ์ระหว่าง 1 ต.ค. - 30 ก.ย. ของปีงบประมาณ",
        "Households that graduated between 1 Oct and 30 Sep of the fiscal year",
    ),
    count(
        "graduated_ever",
        "พ้นเกณฑ์ทั้งหมด",
        "Graduated in all",
        "ครัวเรือนที่เคยพ้นเกณฑ์ ตั้งแต่เริ่มใช้ระบบ",
        "Households that ever graduated",
    ),
    share(
        "graduation_rate",
        "อัตราพ้นเกณฑ์ (%)",
        "Graduation rate (%)",
        ("graduated_ever", "consented"),
        "พ้นเกณฑ์ทั้งหมด ÷ ยินยอมเข้าร่วม x 100",
        "Graduated in all ÷ consented x 100",
    ),
    count(
        "in_monitoring",
        "ติดตามหลังพ้นเกณฑ์",
        "In monitoring",
        "ครัวเรือนที่พ้นเกณฑ์และยังอยู่ในช่วงติดตาม 12 เดือน",
        "Graduated households still inside their 12 months of monitoring",
    ),
    count(
        "overdue_visits",
        "เยี่ยมเกินกำหนด",
        "Visits overdue",
        "ครัวเรือนที่วันเยี่ยมครั้งถัดไปเลยมาแล้ว",
        "Households whose next visit is past due",
    ),
    count(
        "plans_waiting",
        "แผนรออนุมัติ",
        "Plans waiting for approval",
        "แผนพัฒนาครัวเรือนที่ส่งแล้วและยังไม่อนุมัติหรือส่งคืน",
        "Household plans submitted and neither approved nor returned",
    ),
    count(
        "without_team",
        "ยังไม่มีทีม",
        "Without a team",
        "ครัวเรือนในขั้นชี้เป้าถึงดูแลชีวิตที่ยังไม่มีทีมยิ้มรับผิดชอบ",
        "Households in stages target to care with no Smile Team assigned",
    ),
)
_INTERVENTIONS = tuple(
    count(
        f"interventions_{key}",
        f"การช่วยเหลือ: {th}",
        f"Interventions: {en}",
        f"การช่วยเหลือประเภท{th} ทุกสถานะ",
        f"Interventions of kind {en}, any status",
    )
    for key, th, en in INTERVENTION_KINDS
) + tuple(
    count(
        f"interventions_{key}",
        f"การช่วยเหลือ{th}",
        f"Interventions {en.lower()}",
        f"การช่วยเหลือทุกประเภทที่สถานะ{th}",
        f"Interventions of any kind now {en.lower()}",
    )
    for key, th, en in INTERVENTION_STATUSES
)

CASES = Report(
    name="cases",
    title_th="รายงานผู้ได้รับการช่วยเหลือ",
    title_en="Cases report",
    file_th="รายงานผู้ได้รับการช่วยเหลือ",
    file_en="cases-report",
    parts=(Part("households", "cases_report"),),
    team_parts=(Part("households", "team_cases_report"),),
    columns=_HEAD + _BY_STAGE + _OUTCOMES + _INTERVENTIONS,
)
