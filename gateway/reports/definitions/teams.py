"""Smile Teams side by side (issue 14, report 2): the teams service's figures, a row per team;
for one team (`?team=`), a row per village of its households."""

from __future__ import annotations

from gateway.reports.definitions.columns import count, number, share
from gateway.reports.model import Part, Report

STAGES = (
    ("target", "ชี้เป้าชีวิต", "Target"),
    ("compass", "จัดทำเข็มทิศชีวิต", "Compass"),
    ("manage", "บริหารจัดการชีวิต", "Manage"),
    ("care", "ดูแลชีวิต", "Care"),
    ("graduated", "พ้นเกณฑ์", "Graduated"),
)
IN_AREA_TH, IN_AREA_EN = "ในพื้นที่ของรายงาน", "in the report's area"
MEMBERS = (
    ("leader", "ผู้นำ อช.", "volunteer leader"),
    ("coordinator", "พก.", "sub-district coordinator"),
    ("expert", "ชช.", "district expert"),
)

_CASES = (
    count(
        "households",
        "ครัวเรือนที่รับผิดชอบ",
        "Households assigned",
        f"ครัวเรือนที่มอบให้ทีม{IN_AREA_TH}",
        f"Households assigned to the team {IN_AREA_EN}",
    ),
    count(
        "open_cases",
        "เคสที่ยังเปิด",
        "Open cases",
        "ครัวเรือนของทีมที่ยังอยู่ระหว่างดำเนินการ",
        "The team's households whose case is open",
    ),
    *(
        count(
            f"stage_{key}",
            th,
            f"Stage: {en}",
            f"ครัวเรือนของทีมที่อยู่ในขั้น{th}",
            f"The team's households now in stage {en}",
        )
        for key, th, en in STAGES
    ),
    count(
        "consented",
        "ยินยอมเข้าร่วม",
        "Consented",
        "ครัวเรือนของทีมที่ยินยอมเข้าร่วม",
        "The team's households that said yes",
    ),
    count(
        "declined",
        "ไม่ยินยอม",
        "Declined",
        "ครัวเรือนของทีมที่ไม่ยินยอม",
        "The team's households that said no",
    ),
    count(
        "graduated",
        "เคยพ้นเกณฑ์",
        "Graduated",
        "ครัวเรือนของทีมที่เคยพ้นเกณฑ์",
        "The team's households that graduated",
    ),
    share(
        "graduation_rate",
        "อัตราพ้นเกณฑ์ (%)",
        "Graduation rate (%)",
        ("graduated", "households"),
        "เคยพ้นเกณฑ์ ÷ ครัวเรือนที่รับผิดชอบ x 100",
        "Graduated ÷ households assigned x 100",
    ),
    count(
        "overdue_visits",
        "เยี่ยมเกินกำหนด",
        "Visits overdue",
        "ครัวเรือนของทีมที่เลยวันเยี่ยมแล้ว (งานค้างของทีม)",
        "The team's households whose visit is past due (the team's overdue work)",
    ),
)
_LOADS = tuple(
    number(f"{key}_open_cases", f"ภาระงาน{th}", f"Caseload of the {en}",
           f"เคสที่ยังเปิดของ{th}ของทีม รวมทุกทีมที่สังกัด (ไม่รวมยอด เพราะคนหนึ่งอยู่หลายทีมได้; "
           "รายงานของทีมเดียว: แสดงในแถวรวม)",
           f"Open cases of the team's {en} over every team they serve in (not totalled: a "
           "person may serve in several teams; a single team's report shows it in the totals row)")
    for key, th, en in MEMBERS
)  # fmt: skip

TEAMS = Report(
    name="teams",
    title_th="รายงานเปรียบเทียบทีมยิ้ม",
    title_en="Smile Teams side by side",
    file_th="รายงานทีมยิ้ม",
    file_en="smile-teams-report",
    parts=(Part("teams", "teams_report"),),
    team_parts=(Part("teams", "team_villages_report"),),
    columns=_CASES + _LOADS,
    rows_by="team",
)
