"""The sage survey, the 4-day lead-trainer course and the model household's rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from infra.caller import Role
from infra.errors import Conflict, ValidationFailed
from services.teams.domain.model_household import check_selection
from services.teams.domain.sage_survey import CommunitySage, LeadTrainerCourse, masked_phone
from tests.unit.teams.factories import NOW, VILLAGE, person

MONDAY = date(2026, 11, 2)


def test_a_sage_is_surveyed_with_skills_in_the_villages_words_and_a_normalised_phone():
    sage = CommunitySage.survey(
        VILLAGE, " ป้าแดง ", ["จักสาน ", "ทำขนม  ไทย", "จักสาน"], "081-234-5678", MONDAY, "me", NOW
    )
    assert (sage.name, sage.skills, sage.phone) == ("ป้าแดง", ("จักสาน", "ทำขนม ไทย"), "+66812345678")
    assert masked_phone(sage.phone) == "********5678" and masked_phone(None) is None
    changed = sage.changed("ป้าแดง", ["ทอผ้า"], None)
    assert changed.version == 2 and changed.phone is None


@pytest.mark.parametrize(
    "village, skills, phone, fields",
    [
        ("2401", ["x"], None, ["village_code"]),
        (VILLAGE, [" ", "  "], None, ["skills"]),
        (VILLAGE, ["x"], "12345", ["phone"]),
    ],
)
def test_a_bad_sage_names_the_field(village, skills, phone, fields):
    with pytest.raises(ValidationFailed) as refused:
        CommunitySage.survey(village, "ป้าแดง", skills, phone, MONDAY, "me", NOW)
    assert [e.field for e in refused.value.errors] == fields


def trainer(area: str = VILLAGE, pid: str = "t1"):
    return person([Role.TRAINER], [area], pid=pid)


def test_the_lead_trainer_course_runs_four_days_for_trainers_of_its_area():
    course = LeadTrainerCourse.record(
        "2401", " วิทยากรผู้นำสัมมาชีพ ", "ศูนย์ศึกษาและพัฒนาชุมชนพิษณุโลก", MONDAY,
        MONDAY + timedelta(days=3), [("t1", trainer())], "me", NOW,
    )  # fmt: skip
    assert course.participants == ("t1",) and course.title == "วิทยากรผู้นำสัมมาชีพ"
    with pytest.raises(ValidationFailed) as refused:
        course.changed(
            "t", "v", MONDAY, MONDAY + timedelta(days=4),
            [("t1", trainer()), ("t1", trainer()), ("x", None), ("far", trainer("10010101"))],
        )  # fmt: skip
    assert [e.field for e in refused.value.errors] == [
        "ends_on",
        "participants.1",
        "participants.2",
        "participants.3",
    ]


def test_the_model_household_needs_the_committee_and_a_household_trained_in_the_district():
    assert check_selection(True, "org") == "org"
    with pytest.raises(Conflict) as no_committee:
        check_selection(True, None)
    assert no_committee.value.errors[0].field == "district_code"
    with pytest.raises(ValidationFailed) as untrained:
        check_selection(False, "org")
    assert untrained.value.errors[0].field == "household_id"
