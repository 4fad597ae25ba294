"""The sage survey, lead-trainer courses and the model household against the real database
(SQLite and PostgreSQL): reach, masked phones, versions, one model household per district-year."""

from datetime import date, timedelta

import pytest

from infra.caller import Role
from infra.errors import Conflict, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import model_households, sage_survey, support_organisations
from services.teams.usecases.commands.model_households import (
    ModelHouseholdKey,
    SelectModelHousehold,
)
from services.teams.usecases.commands.sage_survey import (
    ChangeCourse,
    ChangeSage,
    ListSurvey,
    RecordCourse,
    SurveySage,
)
from services.teams.usecases.commands.support_organisations import RegisterOrganisation
from tests.integration.teams.programme_world import IN_2570, train, trainer_team
from tests.integration.teams.world import ADMIN, as_caller, outbox, register

A, FAR = "94010101", "10010101"
MONDAY = date(2026, 11, 2)


def test_sages_are_listed_within_reach_and_their_phones_masked_for_readers(uow):
    district = as_caller(register(uow, "district.a", Role.DISTRICT_SUPERVISOR, ["9401"]))
    expert = as_caller(register(uow, "expert.a", Role.DISTRICT_EXPERT, ["9401"]))
    command = SurveySage(A, "ป้าแดง", ("จักสาน", "ทำขนม"), MONDAY, "0812345678")
    sage = sage_survey.survey_sage(uow, district, command, IN_2570)
    sage_survey.survey_sage(uow, ADMIN, SurveySage(FAR, "ลุงมา", ("ทอผ้า",), MONDAY), IN_2570)
    (seen,) = sage_survey.list_sages(uow, expert, ListSurvey()).items
    assert (seen.id, seen.phone) == (sage.id, "********5678")
    assert sage_survey.get_sage(uow, district, sage.id).phone == "+66812345678"
    assert [s.name for s in sage_survey.list_sages(uow, ADMIN, ListSurvey(area="1001")).items] == [
        "ลุงมา"
    ]
    changed = sage_survey.change_sage(uow, district, sage.id, ChangeSage("ป้าแดง", ("ทอผ้า",)), 1)
    assert changed.version == 2 and sage_survey.get_sage(uow, ADMIN, sage.id).skills == ("ทอผ้า",)
    with pytest.raises(PreconditionFailed):
        sage_survey.change_sage(uow, district, sage.id, ChangeSage("x", ("y",)), 1)
    far_sage = sage_survey.list_sages(uow, ADMIN, ListSurvey(area="1001")).items[0]
    with pytest.raises(NotFound):
        sage_survey.get_sage(uow, expert, far_sage.id)


def test_a_course_is_four_days_of_the_areas_trainers(uow):
    trainers = [register(uow, f"trainer{i}", Role.TRAINER, [A]) for i in range(2)]
    ids = tuple(t.id for t in trainers)
    end = MONDAY + timedelta(days=3)
    course = sage_survey.record_course(
        uow, ADMIN, RecordCourse("94", "วิทยากรผู้นำสัมมาชีพ", "ศพช.", MONDAY, end, ids), IN_2570
    )
    assert sage_survey.get_course(uow, ADMIN, course.id).participants == ids
    with pytest.raises(ValidationFailed) as refused:
        sage_survey.change_course(
            uow, ADMIN, course.id, ChangeCourse("t", "v", MONDAY, MONDAY, ids[:1]), 1
        )
    assert [e.field for e in refused.value.errors] == ["ends_on"]
    changed = sage_survey.change_course(
        uow, ADMIN, course.id, ChangeCourse("t", "v", MONDAY, end, ids[:1]), 1
    )
    assert changed.version == 2 and changed.participants == ids[:1]
    reader = as_caller(register(uow, "far.sup", Role.DISTRICT_SUPERVISOR, ["1001"]))
    assert sage_survey.list_courses(uow, reader, ListSurvey()).items == []
    with pytest.raises(NotFound):
        sage_survey.get_course(uow, reader, course.id)


def test_one_model_household_per_district_and_year_chosen_for_the_committee(uow):
    trained = train(uow, trainer_team(uow, A), 2)
    key = ModelHouseholdKey("9401", 2570)
    choose = SelectModelHousehold(trained[0], date(2026, 11, 20), "รายได้เพิ่มขึ้น")
    with pytest.raises(Conflict) as no_committee:
        model_households.select_model_household(uow, ADMIN, key, choose, None, IN_2570)
    assert no_committee.value.errors[0].field == "district_code"
    committee = RegisterOrganisation("womens_development_committee", "9401", "กพสอ.เมือง")
    org = support_organisations.register_organisation(uow, ADMIN, committee, IN_2570)
    chosen, first = model_households.select_model_household(uow, ADMIN, key, choose, None, IN_2570)
    assert first and chosen.organisation_id == org.id and chosen.version == 1
    again = SelectModelHousehold(trained[1], date(2026, 11, 21))
    with pytest.raises(Conflict) as unversioned:
        model_households.select_model_household(uow, ADMIN, key, again, None, IN_2570)
    assert unversioned.value.errors[0].field == "If-Match"
    with pytest.raises(PreconditionFailed):
        model_households.select_model_household(uow, ADMIN, key, again, 7, IN_2570)
    replaced, first = model_households.select_model_household(uow, ADMIN, key, again, 1, IN_2570)
    assert not first and replaced.version == 2
    assert model_households.get_model_household(uow, ADMIN, key).household_id == trained[1]
    stranger = SelectModelHousehold("0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8", date(2026, 11, 21))
    with pytest.raises(ValidationFailed):
        model_households.select_model_household(uow, ADMIN, key, stranger, 2, IN_2570)
    events = [d for t, d in outbox(uow) if t == "model_household_selected"]
    assert [e["version"] for e in events] == [1, 2]
