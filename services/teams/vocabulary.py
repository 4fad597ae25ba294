"""The words the teams service shares with its clients: usernames and languages of people,
the kinds of support organisation and the phases of their plans, the kinds of training session,
OTOP product categories and the month a group reports for, and the Sammachip programme's target
metrics. Plain values: the domain gives them their rules, and the gateway's schemas read them
without loading the domain."""

from __future__ import annotations

import re
from datetime import date

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,39}")
LANGUAGES = ("th", "en")
ORGANISATION_KINDS = {
    "community_organisation_council": "ศอช.อ.",  # brings sub-district plans into local plans
    "womens_development_committee": "กพสอ.",  # livelihoods; selects the model household
    "volunteer_club": "ชมรม อช.",  # supports village trainer teams
    "savings_group_network": "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต",  # access to community funds
}
PHASES = ("prepare", "plan", "execute", "monitor_evaluate", "summarise")
# A Smile Team's yearly plan is approved by the district before it is carried out; a support
# organisation's plan has no approval (None).
APPROVAL = ("draft", "submitted", "approved")
LESSON_TOPICS = {
    "targeting": "ชี้เป้าชีวิต",
    "household_plan": "จัดทำเข็มทิศชีวิต",
    "livelihood": "อาชีพและสัมมาชีพ",
    "funding": "แหล่งทุนและกลุ่มออมทรัพย์",
    "coordination": "การประสานหน่วยงาน",
    "care": "ดูแลชีวิตและการติดตาม",
    "teamwork": "การทำงานเป็นทีม",
    "other": "อื่น ๆ",
}
SESSION_KINDS = ("class", "practice", "study_visit")
OTOP_CATEGORIES = {
    "food": "อาหาร",
    "beverage": "เครื่องดื่ม",
    "textile_and_garment": "ผ้า เครื่องแต่งกาย",
    "household_and_souvenir": "ของใช้ ของตกแต่ง ของที่ระลึก",
    "herbal_non_food": "สมุนไพรที่ไม่ใช่อาหาร",
}
METRICS = (
    "villages_with_trainer_team",
    "households_trained",
    "occupation_groups_formed",
    "villages_with_registered_group",
    "groups_with_otop_product",
    "subdistrict_plans_used",
    "groups_operating_with_income",
)
MAX_TARGET = 10_000_000
PERCENT_FIELD = "villages_with_registered_group_percent"

TRAINER_TEAM_SIZE = 5  # a village trainer team: five community sages, one the trained lead


def month_of(period: str) -> date:
    """`2027-01` as the first day of that month."""
    year, month = period.split("-")
    return date(int(year), int(month), 1)


FOLLOW_UP_PHASES = ("before", "during", "after")  # the district's support around training (D5)
RESULT_MONTHS = (3, 6)  # a trained household's results are recorded 3 and 6 months on
