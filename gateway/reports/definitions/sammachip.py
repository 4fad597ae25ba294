"""The Sammachip report (issue 14, report 3; seed 000's table): per district of a province or
sub-district of a district, each metric's fiscal-year target, what was achieved and the percent.

Targets are `number` columns: a district row carries the district's own target, and the totals
row the area's own (a province's target its districts do not split), else the sum of the rows'
targets; the teams service sends those totals. Achieved counts are summed by the gateway.
"""

from __future__ import annotations

from gateway.reports.definitions.columns import baht, count, number, share
from gateway.reports.model import Column, Part, Report

IN_YEAR_TH, IN_YEAR_EN = "ในปีงบประมาณ", "in the fiscal year"
METRICS = (  # key, Thai and English name, what counts as achieved (Thai, English)
    ("villages_with_trainer_team", "หมู่บ้านที่มีทีมวิทยากร", "Villages with a trainer team",
     "หมู่บ้านที่ทีมวิทยากรสัมมาชีพ (ปราชญ์ 5 คน หัวหน้าผ่านการอบรม) ตั้งครบหรือเปิดรุ่นฝึกอบรม",
     "Villages whose trainer team (five sages, a trained lead) was formed or trained a cohort"),
    ("households_trained", "ครัวเรือนที่ผ่านการฝึกอาชีพ", "Households trained",
     "ครัวเรือนที่ฝึกอาชีพจบหลักสูตร (เข้าร่วมการฝึก)",
     "Households that completed their training (with attendance)"),
    ("occupation_groups_formed", "กลุ่มอาชีพที่จัดตั้ง", "Occupation groups formed",
     "กลุ่มอาชีพที่จัดตั้งหลังการฝึกอบรม", "Occupation groups formed after training"),
    ("villages_with_registered_group", "หมู่บ้านที่มีกลุ่มอาชีพจดทะเบียน",
     "Villages with a registered group", "หมู่บ้านที่มีกลุ่มอาชีพได้รับการจดทะเบียน",
     "Villages where an occupation group was registered"),
    ("groups_with_otop_product", "กลุ่มที่มีผลิตภัณฑ์ OTOP", "Groups with an OTOP product",
     "กลุ่มอาชีพที่บันทึกผลิตภัณฑ์ OTOP ครั้งแรก",
     "Occupation groups whose OTOP product was first recorded"),
    ("subdistrict_plans_used", "แผนชุมชนระดับตำบลที่นำไปใช้", "Sub-district plans used",
     "แผนชุมชนระดับตำบลของปีที่มีการพัฒนาสัมมาชีพ",
     "Sub-district community plans of the year with livelihood development"),
    ("groups_operating_with_income", "กลุ่มที่ยังดำเนินการและมีรายได้",
     "Groups operating with income", "กลุ่มอาชีพที่รายงานล่าสุดของปีว่ายังดำเนินการและมีรายได้",
     "Occupation groups whose latest report of the year says they operate with income"),
)  # fmt: skip


def _metric(key: str, th: str, en: str, achieved_th: str, achieved_en: str) -> tuple[Column, ...]:
    target, achieved = f"{key}_target", f"{key}_achieved"
    return (
        number(target, f"{th}: เป้าหมาย", f"{en}: target",
               "เป้าหมายปีงบประมาณของพื้นที่ (ว่าง: ไม่ได้ตั้ง); แถวรวม: เป้าหมายของพื้นที่ที่ขอ "
               "หรือผลรวมเป้าหมายของแถวเมื่อพื้นที่ไม่ได้ตั้งเอง",
               "The area's fiscal-year target (blank: none set); totals row: the target of the "
               "area asked for, or the sum of the rows' targets when it has none of its own"),
        count(achieved, f"{th}: ผลงาน", f"{en}: achieved",
              f"{achieved_th}{IN_YEAR_TH}", f"{achieved_en} {IN_YEAR_EN}"),
        share(f"{key}_percent", f"{th}: ร้อยละ", f"{en}: %", (achieved, target),
              "ผลงาน ÷ เป้าหมาย x 100 (ว่างเมื่อไม่มีเป้าหมาย)",
              "Achieved ÷ target x 100 (blank without a target)"),
    )  # fmt: skip


AT_LATEST_TH = "ณ การติดตามผลครั้งล่าสุดของครัวเรือนในปีงบประมาณ (6 เดือน หรือ 3 เดือน)"
AT_LATEST_EN = "at each household's latest checkpoint of the fiscal year (6, else 3 months)"
OUTCOMES = (
    count("households_result_3m", "ครัวเรือนที่ติดตามผล 3 เดือน", "Households with a 3-month result",
          "ครัวเรือนที่ผ่านการฝึกและบันทึกผลหลังการฝึก 3 เดือนในปีงบประมาณ",
          "Trained households whose 3-month result was recorded in the fiscal year"),
    count("households_result_6m", "ครัวเรือนที่ติดตามผล 6 เดือน", "Households with a 6-month result",
          "ครัวเรือนที่ผ่านการฝึกและบันทึกผลหลังการฝึก 6 เดือนในปีงบประมาณ",
          "Trained households whose 6-month result was recorded in the fiscal year"),
    count("households_with_occupation", "ครัวเรือนที่ประกอบอาชีพ", "Households with an occupation",
          f"ครัวเรือนที่ประกอบอาชีพที่ฝึก {AT_LATEST_TH}",
          f"Trained households that took up an occupation, {AT_LATEST_EN}"),
    baht("income_earned_thb", "รายได้จากอาชีพ (บาท)", "Income earned (THB)",
         f"รายได้ที่ครัวเรือนได้จากอาชีพ รวม {AT_LATEST_TH}",
         f"Income the households earned from the occupation, summed {AT_LATEST_EN}"),
    baht("costs_cut_thb", "รายจ่ายที่ลดได้ (บาท)", "Costs cut (THB)",
         f"รายจ่ายที่ครัวเรือนลดได้ รวม {AT_LATEST_TH}",
         f"Costs the households cut, summed {AT_LATEST_EN}"),
)  # fmt: skip


SAMMACHIP = Report(
    name="sammachip",
    title_th="รายงานสัมมาชีพ",
    title_en="Sammachip report",
    file_th="รายงานสัมมาชีพ",
    file_en="sammachip-report",
    parts=(Part("teams", "sammachip_report"),),
    columns=(*(column for metric in METRICS for column in _metric(*metric)), *OUTCOMES),
)
