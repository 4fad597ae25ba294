"""Savings and loans report (issue 14, report 4): the funding service's figures per child area."""

from __future__ import annotations

from gateway.reports.definitions.columns import baht, count, share
from gateway.reports.model import Part, Report

BUCKETS = (
    ("current", "ไม่ค้างชำระ", "current", "ไม่มีงวดค้างชำระ", "with no installment late"),
    (
        "1_30",
        "ค้าง 1-30 วัน",
        "1-30 days late",
        "งวดที่ค้างนานสุด 1-30 วัน",
        "oldest late installment 1-30 days overdue",
    ),
    (
        "31_60",
        "ค้าง 31-60 วัน",
        "31-60 days late",
        "งวดที่ค้างนานสุด 31-60 วัน",
        "oldest late installment 31-60 days overdue",
    ),
    (
        "61_90",
        "ค้าง 61-90 วัน",
        "61-90 days late",
        "งวดที่ค้างนานสุด 61-90 วัน",
        "oldest late installment 61-90 days overdue",
    ),
    (
        "over_90",
        "ค้างเกิน 90 วัน",
        "over 90 days late",
        "งวดที่ค้างนานสุดเกิน 90 วัน",
        "oldest late installment over 90 days overdue",
    ),
)
_GROUPS = (
    count(
        "groups",
        "กลุ่มออมทรัพย์",
        "Savings groups",
        "กลุ่มออมทรัพย์เพื่อการผลิตในพื้นที่",
        "Savings-for-production groups in the area",
    ),
    count("members", "สมาชิก", "Members", "สมาชิกที่ยังไม่ลาออก", "Members who have not left"),
    baht(
        "savings",
        "เงินสัจจะสะสม (บาท)",
        "Savings (baht)",
        "ยอดเงินออมของสมาชิกทุกกลุ่ม ณ วันนี้",
        "Members' savings held by the groups today",
    ),
    count(
        "loans_outstanding",
        "สัญญาเงินกู้คงค้าง",
        "Loans outstanding",
        "สัญญาเงินกู้ที่จ่ายเงินแล้วและยังไม่ปิด",
        "Loans disbursed and not yet closed",
    ),
    count(
        "loans_in_arrears",
        "สัญญาที่ค้างชำระ",
        "Loans in arrears",
        "สัญญาเงินกู้คงค้างที่มีงวดค้างชำระอย่างน้อยหนึ่งงวด",
        "Loans outstanding with at least one installment late",
    ),
    baht(
        "principal_outstanding",
        "เงินต้นคงค้าง (บาท)",
        "Principal outstanding (baht)",
        "เงินต้นที่ยังไม่ได้รับชำระของสัญญาคงค้าง",
        "Principal not yet repaid on those loans",
    ),
)
_AGEING = tuple(
    baht(
        f"owed_{key}",
        f"เงินต้น{th} (บาท)",
        f"Principal {en} (baht)",
        f"เงินต้นคงค้างของสัญญาที่{define_th}",
        f"Principal outstanding on loans {define_en}",
    )
    for key, th, en, define_th, define_en in BUCKETS
)
_RISK = (
    baht(
        "arrears",
        "ยอดค้างชำระ (บาท)",
        "Arrears (baht)",
        "เงินต้นและดอกเบี้ยของงวดที่ถึงกำหนดแล้วยังไม่ได้ชำระ",
        "Principal and interest of installments due and unpaid",
    ),
    baht(
        "at_risk_30",
        "เงินต้นเสี่ยง >30 วัน (บาท)",
        "Principal at risk >30 days (baht)",
        "เงินต้นคงค้างของสัญญาที่ค้างชำระเกิน 30 วัน",
        "Principal outstanding on loans more than 30 days overdue",
    ),
    share(
        "par30",
        "PAR30 (%)",
        "PAR30 (%)",
        ("at_risk_30", "principal_outstanding"),
        "เงินต้นเสี่ยงเกิน 30 วัน ÷ เงินต้นคงค้าง x 100",
        "Principal at risk over 30 days ÷ principal outstanding x 100",
    ),
    count(
        "loans_written_off",
        "สัญญาที่ตัดหนี้สูญ",
        "Loans written off",
        "สัญญาที่ตัดเป็นหนี้สูญในปีงบประมาณ",
        "Loans written off in the fiscal year",
    ),
    baht(
        "written_off",
        "ตัดหนี้สูญ (บาท)",
        "Written off (baht)",
        "เงินต้นที่ตัดเป็นหนี้สูญในปีงบประมาณ",
        "Principal written off in the fiscal year",
    ),
)
_REQUESTS = tuple(
    count(f"requests_{key}", f"คำขอเข้าถึงแหล่งทุน: {th}", f"Funding requests: {en}",
          f"คำขอจากแผนครัวเรือนที่รับในปีงบประมาณ และขณะนี้{th}",
          f"Households' funding-access requests received in the fiscal year, now {en.lower()}")
    for key, th, en in (("pending", "รอพิจารณา", "Pending"), ("granted", "รับเป็นสมาชิก", "Granted"),
                        ("declined", "ไม่รับ", "Declined"))
)  # fmt: skip

SAVINGS = Report(
    name="savings",
    title_th="รายงานกลุ่มออมทรัพย์และเงินกู้",
    title_en="Savings and loans report",
    file_th="รายงานกลุ่มออมทรัพย์และเงินกู้",
    file_en="savings-and-loans-report",
    parts=(Part("funding", "savings_report"),),
    columns=_GROUPS + _AGEING + _RISK + _REQUESTS,
)
