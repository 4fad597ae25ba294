"""Recording consent with the fake unit of work: the case's move and its events, who may record it,
stale versions and a change committed meanwhile. No database, no broker."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.households.usecases import case as cases
from services.households.usecases.commands import RecordConsent
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    LEADER,
    NOW,
    SUPERVISOR,
    TEAM,
    VILLAGE,
    case,
)
from tests.unit.households.fakes import FakeUnitOfWork

YES = RecordConsent(informed=True, consented=True)
NO = replace(YES, consented=False)


def test_a_yes_opens_the_compass_stage_and_both_are_announced() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    answered = cases.record_consent(uow, COORDINATOR, household.id, YES, 3, NOW)

    stored = uow.households.cases.rows[household.id]
    assert answered.version == stored.version == 4 and stored.stage is Stage.COMPASS
    assert stored.consent is not None and stored.consent.recorded_by == COORDINATOR.person_id
    assert [(t.from_stage, t.to_stage) for t in uow.households.transitions(household.id)] == [
        (Stage.TARGET, Stage.COMPASS)
    ]
    assert uow.events("consent_recorded") == [
        {
            "household_id": household.id,
            "village_code": VILLAGE,
            "consented": True,
            "recorded_by": COORDINATOR.person_id,
            "recorded_at": NOW.isoformat(),
        }
    ]
    (moved,) = uow.events("case_stage_changed")
    assert (moved["from_stage"], moved["to_stage"], moved["team_id"]) == ("target", "compass", TEAM)


def test_a_no_closes_the_case_as_declined() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    cases.record_consent(uow, LEADER, household.id, NO, None, NOW)

    assert uow.households.cases.rows[household.id].stage is Stage.DECLINED
    assert uow.events("consent_recorded")[0]["consented"] is False
    assert uow.events("case_stage_changed")[0]["to_stage"] == "declined"


def test_an_answer_given_before_the_household_was_told_is_refused() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(ValidationFailed) as refused:
        cases.record_consent(uow, COORDINATOR, household.id, replace(YES, informed=False), 3, NOW)
    assert [e.field for e in refused.value.errors] == ["informed"]
    assert uow.households.cases.rows[household.id].consent is None and uow.published == []


def test_consent_against_a_stale_version_is_refused_with_the_current_version() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(PreconditionFailed) as refused:
        cases.record_consent(uow, COORDINATOR, household.id, YES, 2, NOW)
    assert refused.value.extra == {"current_version": 3}
    assert uow.households.cases.rows[household.id].stage is Stage.TARGET and uow.published == []


def test_a_change_committed_meanwhile_refuses_the_save_and_nothing_is_announced() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    uow.households.meanwhile.append(replace(household, version=4, house_no="7"))

    with pytest.raises(PreconditionFailed):
        cases.record_consent(uow, COORDINATOR, household.id, YES, None, NOW)
    stored = uow.households.cases.rows[household.id]
    assert (stored.version, stored.stage, stored.house_no) == (4, Stage.TARGET, "7")
    assert uow.published == [] and uow.households.transitions(household.id) == []


def test_consent_outside_the_target_stage_is_a_conflict() -> None:
    household = case(Stage.REGISTERED)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(Conflict):
        cases.record_consent(uow, COORDINATOR, household.id, YES, 3, NOW)
    assert uow.published == []


def test_a_caller_outside_the_area_gets_not_found_and_one_who_may_only_look_forbidden() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(NotFound):
        cases.record_consent(uow, ELSEWHERE, household.id, YES, 3, NOW)
    with pytest.raises(NotFound):
        cases.record_consent(uow, COORDINATOR, "no-such-household", YES, None, NOW)
    with pytest.raises(Forbidden):
        cases.record_consent(uow, SUPERVISOR, household.id, YES, 3, NOW)
    assert uow.households.cases.rows[household.id].consent is None and uow.published == []
