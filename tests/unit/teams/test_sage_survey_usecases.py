"""The sage survey and the model household's use cases with the fake unit of work."""

from __future__ import annotations

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed
from services.teams.usecases import model_households, sage_survey
from services.teams.usecases.commands.model_households import (
    ModelHouseholdKey,
    SelectModelHousehold,
)
from services.teams.usecases.commands.sage_survey import ChangeSage, ListSurvey, SurveySage
from tests.unit.teams.factories import NOW, VILLAGE, caller
from tests.unit.teams.fakes import FakeUnitOfWork

SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="sup")
EXPERT = caller(Role.DISTRICT_EXPERT, ["2401"], pid="ex")
OUTSIDER = caller(Role.DISTRICT_SUPERVISOR, ["1001"], pid="far")
H1, H2 = "5b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8", "6c1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8"
SAGE = SurveySage(VILLAGE, "ป้าแดง", ("จักสาน",), date(2026, 11, 1), "0812345678")


def test_a_supervisor_surveys_a_sage_whose_phone_only_managers_read_in_full():
    uow = FakeUnitOfWork()
    sage = sage_survey.survey_sage(uow, SUPERVISOR, SAGE, NOW)
    assert sage_survey.get_sage(uow, SUPERVISOR, sage.id).phone == "+66812345678"
    assert sage_survey.get_sage(uow, EXPERT, sage.id).phone == "********5678"
    (listed,) = sage_survey.list_sages(uow, EXPERT, ListSurvey()).items
    assert listed.phone == "********5678"
    with pytest.raises(Forbidden):
        sage_survey.survey_sage(uow, EXPERT, SAGE, NOW)
    with pytest.raises(NotFound):
        sage_survey.get_sage(uow, OUTSIDER, sage.id)
    with pytest.raises(Forbidden):
        sage_survey.change_sage(uow, EXPERT, sage.id, ChangeSage("x", ("y",)), 1)
    with pytest.raises(PreconditionFailed):
        sage_survey.change_sage(uow, SUPERVISOR, sage.id, ChangeSage("x", ("y",)), 2)


def test_the_model_household_is_chosen_once_a_year_and_replaced_with_if_match():
    uow = FakeUnitOfWork()
    uow.model_households.committees["2401"] = "org"
    uow.model_households.trained |= {(H1, "2401"), (H2, "2401")}
    key = ModelHouseholdKey("2401", 2570)
    first = SelectModelHousehold(H1, date(2026, 11, 20), " ดีเด่น ")
    chosen, created = model_households.select_model_household(
        uow, SUPERVISOR, key, first, None, NOW
    )
    assert created and (chosen.organisation_id, chosen.note) == ("org", "ดีเด่น")
    second = SelectModelHousehold(H2, date(2026, 11, 21))
    with pytest.raises(Conflict):
        model_households.select_model_household(uow, SUPERVISOR, key, second, None, NOW)
    replaced, created = model_households.select_model_household(
        uow, SUPERVISOR, key, second, 1, NOW
    )
    assert not created and replaced.version == 2 and replaced.household_id == H2
    assert [e["version"] for e in uow.events("model_household_selected")] == [1, 2]
    with pytest.raises(Forbidden):
        model_households.select_model_household(uow, EXPERT, key, second, 2, NOW)
    with pytest.raises(NotFound):
        model_households.get_model_household(uow, OUTSIDER, key)
