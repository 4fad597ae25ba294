# ruff: noqa: E501  (one sentence per line reads best for translators)
"""The wording of each notification kind: {kind: {language: (title, body)}}."""

ROLES = {
    "volunteer_leader": ("ผู้นำ อช.", "volunteer leader"),
    "subdistrict_coordinator": ("พัฒนากรผู้ประสานงานตำบล", "sub-district coordinator"),
    "district_expert": ("ผู้เชี่ยวชาญ (ชช.)", "district poverty expert"),
}
LEVELS = (
    ("ผู้เชี่ยวชาญของทีม (ชช.)", "team expert"),
    ("พัฒนาการอำเภอ", "district supervisor"),
    ("พัฒนาการจังหวัด", "provincial supervisor"),
)

TEXTS = {
    "escalation.visit_overdue": {
        "th": (
            "เยี่ยมบ้านเกินกำหนด",
            "ครัวเรือน {household} หมู่บ้าน {village} ครบกำหนดเยี่ยมวันที่ {due_on} แต่ยังไม่มีการบันทึกการเยี่ยม",
        ),
        "en": (
            "Follow-up visit overdue",
            "Household {household} in village {village} was due a visit on {due_on}; no visit has been logged.",
        ),
    },
    "escalation.plan_waiting": {
        "th": (
            "แผนพัฒนาครัวเรือนรออนุมัติ",
            "แผนของครัวเรือน {household} หมู่บ้าน {village} ส่งเมื่อ {since} ยังไม่ได้รับการอนุมัติ",
        ),
        "en": (
            "Household plan waiting for approval",
            "The plan of household {household} in village {village}, submitted on {since}, is still waiting for approval.",
        ),
    },
    "escalation.referral_not_accepted": {
        "th": (
            "การส่งต่อยังไม่ได้รับการตอบรับ",
            "การส่งต่อครัวเรือน {household} หมู่บ้าน {village} ไปยัง {agency} เมื่อ {since} ยังไม่ได้รับการตอบรับ",
        ),
        "en": (
            "Referral not accepted",
            "The referral of household {household} in village {village} to {agency}, made on {since}, has not been accepted.",
        ),
    },
    "escalation.loan_arrears": {
        "th": (
            "เงินกู้ค้างชำระ",
            "เงินกู้ {loan} หมู่บ้าน {village} ค้างชำระ {days_overdue} วัน (ช่วง {bucket} วัน) ยอดค้าง {arrears} ณ วันที่ {as_of}",
        ),
        "en": (
            "Loan in arrears",
            "Loan {loan} in village {village} is {days_overdue} days overdue ({bucket} days), {arrears} in arrears as of {as_of}.",
        ),
    },
    "escalation.income_falling": {
        "th": (
            "รายได้ครัวเรือนลดลง",
            "รายได้ต่อคนต่อปีของครัวเรือน {household} หมู่บ้าน {village} ลดลงจาก {before} เป็น {after}",
        ),
        "en": (
            "Household income falling",
            "The income per person per year of household {household} in village {village} fell from {before} to {after}.",
        ),
    },
    "escalation.case_risk": {
        "th": (
            "ครัวเรือนมีความเสี่ยงสูง",
            "ครัวเรือน {household} หมู่บ้าน {village} มีระดับความเสี่ยง {level} จากสัญญาณ: {signals}",
        ),
        "en": (
            "Household at high risk",
            "Household {household} in village {village} is now at {level} risk, from: {signals}.",
        ),
    },
    "escalation.team_incomplete": {
        "th": ("ทีมปฏิบัติการไม่ครบองค์ประกอบ", "ทีม {team} ยังขาด {missing_roles}"),
        "en": ("Smile Team missing a member", "Team {team} is missing: {missing_roles}."),
    },
    "escalation.cohort_follow_up_overdue": {
        "th": (
            "ติดตามผลการฝึกอาชีพเกินกำหนด",
            "รุ่นฝึกอาชีพ {cohort} ({occupation}) หมู่บ้าน {village} ครบกำหนดติดตามผลวันที่ {due_on} แต่ยังไม่มีการบันทึกการติดตาม",
        ),
        "en": (
            "Training follow-up overdue",
            "Training cohort {cohort} ({occupation}) in village {village} was due a follow-up on {due_on}; none has been recorded.",
        ),
    },
    "escalation.climbed": {
        "th": ("ยกระดับถึง{level}: {title}", "ยังไม่มีผู้รับทราบภายในเวลาที่กำหนด จึงส่งต่อถึง{level}\n{body}"),
        "en": (
            "Escalated to the {level}: {title}",
            "Not acknowledged in time, so it now reaches the {level}.\n{body}",
        ),
    },
    "escalation.closed": {
        "th": ("ปิดเรื่องแล้ว: {title}", "ปิดเรื่องโดยอัตโนมัติเมื่อ {closed_on}: {reason}"),
        "en": ("Closed: {title}", "Closed automatically on {closed_on}: {reason}."),
    },
    "household_registered": {
        "th": ("ครัวเรือนใหม่ในพื้นที่", "ครัวเรือน {household} ({members} คน) ลงทะเบียนในหมู่บ้าน {village}"),
        "en": (
            "New household registered",
            "Household {household} ({members} people) was registered in village {village}.",
        ),
    },
    "household_import_finished": {
        "th": (
            "นำเข้าข้อมูล จปฐ. เสร็จแล้ว",
            "ข้อมูล จปฐ. ปี {survey_year_be} ตำบล {areas}: รับ {accepted} แถว"
            " ไม่เปลี่ยนแปลง {unchanged} แถว ปฏิเสธ {rejected} แถว",
        ),
        "en": (
            "BMN import finished",
            "BMN survey {survey_year}, tambons {areas}: {accepted} rows accepted,"
            " {unchanged} unchanged, {rejected} rejected.",
        ),
    },
    "household_import_failed": {
        "th": (
            "การนำเข้าข้อมูล จปฐ. หยุดลงก่อนจบไฟล์",
            "ข้อมูล จปฐ. ปี {survey_year_be} ตำบล {areas}: ก่อนหยุด รับ {accepted} แถว"
            " ไม่เปลี่ยนแปลง {unchanged} แถว ปฏิเสธ {rejected} แถว",
        ),
        "en": (
            "BMN import stopped before the end of its file",
            "BMN survey {survey_year}, tambons {areas}: before it stopped, {accepted} rows"
            " accepted, {unchanged} unchanged, {rejected} rejected.",
        ),
    },
    "household_assigned": {
        "th": (
            "ทีมได้รับมอบหมายครัวเรือน",
            "ทีมของท่านได้รับมอบหมายให้ดูแลครัวเรือน {household} หมู่บ้าน {village}",
        ),
        "en": (
            "Household assigned to your team",
            "Your team now follows household {household} in village {village}.",
        ),
    },
    "plan_returned": {
        "th": ("แผนถูกส่งกลับให้แก้ไข", "แผนของครัวเรือน {household} ถูกส่งกลับให้แก้ไข: {reason}"),
        "en": (
            "Plan returned for changes",
            "The plan of household {household} was returned: {reason}",
        ),
    },
    "referral_rejected": {
        "th": ("การส่งต่อถูกปฏิเสธ", "การส่งต่อครัวเรือน {household} หมู่บ้าน {village} ถูกปฏิเสธ"),
        "en": (
            "Referral rejected",
            "The referral of household {household} in village {village} was rejected.",
        ),
    },
    "household_graduated": {
        "th": ("ครัวเรือนพ้นเกณฑ์", "ครัวเรือน {household} หมู่บ้าน {village} พ้นเกณฑ์ ติดตามต่อถึงวันที่ {until}"),
        "en": (
            "Household graduated",
            "Household {household} in village {village} graduated; monitored until {until}.",
        ),
    },
    "digest": {
        "th": ("สรุปประจำวันที่ {day} ({count} เรื่อง)", "{lines}"),
        "en": ("Daily summary for {day} ({count} items)", "{lines}"),
    },
}

CLOSE_REASONS = {
    "visit_logged": ("บันทึกการเยี่ยมแล้ว", "the visit was logged"),
    "plan_approved": ("แผนได้รับการอนุมัติแล้ว", "the plan was approved"),
    "plan_returned": ("แผนถูกส่งกลับให้แก้ไข", "the plan was returned for changes"),
    "intervention_status_changed": ("หน่วยงานตอบรับการส่งต่อแล้ว", "the referral was answered"),
    "loan_repaid": ("ชำระหนี้ค้างแล้ว", "the arrears were repaid"),
    "team_completed": ("ทีมครบองค์ประกอบแล้ว", "the team is complete again"),
    "household_graduated": ("ครัวเรือนพ้นเกณฑ์แล้ว", "the household graduated"),
    "household_moved_away": ("ครัวเรือนย้ายออกไปแล้ว", "the household moved away"),
    "household_merged": (
        "ครัวเรือนถูกรวมเข้ากับครัวเรือนที่ซ้ำกัน",
        "the household was merged into the one it duplicated",
    ),
    "cohort_follow_up_done": ("บันทึกการติดตามผลการฝึกอาชีพแล้ว", "the follow-up was recorded"),
}
