"""Targeting an area and the stage moves a person asks for, with the fake unit of work: who is
targeted and announced, who may target, merges and stale versions. No database, no broker."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from infra.errors import Conflict, Forbidden, PreconditionFailed, ValidationFailed
from services.households.domain.household import Household
from services.households.settings import Settings
from services.households.usecases import case as cases
from services.households.usecases import targeting
from services.households.usecases.commands import ChangeStage, TargetHouseholds
from services.households.vocabulary import Stage
from tests.unit.households.factories import COORDINATOR, ELSEWHERE, LEADER, NOW, SUPERVISOR, case
from tests.unit.households.fake_reads import Survey
from tests.unit.households.fakes import FakeUnitOfWork

AREA_2026 = TargetHouseholds("240101", 2026)
POOR = Survey(4, Decimal("60000"), 0)  # 15,000 a person, under 38,000
COMFORTABLE = Survey(2, Decimal("200000"), 0)
FAILING = Survey(2, Decimal("200000"), 3)


def registered(seed: int, village: str = "24010101") -> Household:
    return case(Stage.REGISTERED, seed, village_code=village, targeting=None, team_id=None)


def surveyed(*pairs: tuple[Household, Survey], year: int = 2026) -> FakeUnitOfWork:
    uow = FakeUnitOfWork().given(*(h for h, _ in pairs))
    for household, survey in pairs:
        uow.queries.surveys[household.id, year] = survey
    return uow


def test_the_households_that_need_help_are_targeted_and_announced_the_others_stay() -> None:
    poor, comfortable, failing = registered(1), registered(2), registered(3)
    elsewhere = registered(4, village="24010201")
    uow = surveyed((poor, POOR), (comfortable, COMFORTABLE), (failing, FAILING), (elsewhere, POOR))

    answer = targeting.target_households(uow, COORDINATOR, AREA_2026, Settings(), NOW)

    assert answer == {"assessed": 3, "targeted": 2, "survey_year": 2026}
    stages = {h.id: h.stage for h in uow.households.cases.rows.values()}
    assert [stages[h.id] for h in (poor, comfortable, failing, elsewhere)] == [
        Stage.TARGET, Stage.REGISTERED, Stage.TARGET, Stage.REGISTERED,
    ]  # fmt: skip
    announced = {e["household_id"]: e for e in uow.events("household_targeted")}
    assert set(announced) == {poor.id, failing.id}
    (entry,) = uow.audit.entries  # one for the run, not one per household
    assert (entry.object_type, entry.action, entry.actor_id) == (
        "targeting_run", "targeted", COORDINATOR.person_id,
    )  # fmt: skip
    assert entry.changes["targeted"] == [None, 2] and entry.changes["assessed"] == [None, 3]
    assert announced[poor.id]["fails_income"] is True
    assert announced[failing.id]["failed_indicators"] == 3
    assert len(uow.events("case_stage_changed")) == 2


def test_a_survey_of_another_year_targets_nobody() -> None:
    uow = surveyed((registered(1), POOR), year=2025)
    answer = targeting.target_households(uow, COORDINATOR, AREA_2026, Settings(), NOW)
    assert answer["assessed"] == answer["targeted"] == 0 and uow.published == []


def test_only_registrars_target_and_only_in_their_area() -> None:
    uow = surveyed((registered(1), POOR))
    with pytest.raises(Forbidden):
        targeting.target_households(uow, LEADER, AREA_2026, Settings(), NOW)
    with pytest.raises(Forbidden):
        targeting.target_households(uow, ELSEWHERE, AREA_2026, Settings(), NOW)
    assert uow.published == [] and uow.commits == 0


def test_a_person_moves_a_case_from_manage_to_care_and_it_is_announced() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)

    moved = cases.change_stage(
        uow, SUPERVISOR, household.id, ChangeStage(Stage.CARE, "ready"), 3, Settings(), NOW
    )

    stored = uow.households.cases.rows[household.id]
    assert (moved.stage, stored.stage, stored.version) == (Stage.CARE, Stage.CARE, 4)
    assert stored.next_visit_due == NOW.date() + timedelta(days=30)  # the first care visit
    (event,) = uow.events("case_stage_changed")
    assert (event["from_stage"], event["to_stage"], event["reason"]) == ("manage", "care", "ready")


def test_a_move_the_machine_forbids_is_a_conflict_naming_the_allowed_ones() -> None:
    household = case(Stage.COMPASS)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(Conflict) as refused:
        cases.change_stage(
            uow, COORDINATOR, household.id, ChangeStage(Stage.CARE, "x"), 3, Settings(), NOW
        )
    assert "moved" in refused.value.extra["allowed"] and uow.published == []


def test_a_merge_names_another_visible_household() -> None:
    household, kept = case(Stage.TARGET), case(Stage.TARGET, seed=901)
    uow = FakeUnitOfWork().given(household, kept)
    merge = ChangeStage(Stage.MERGED, "a duplicate")
    for target in (None, household.id, "no-such-household"):
        with pytest.raises(ValidationFailed) as refused:
            wrong = replace(merge, merged_into=target)
            cases.change_stage(uow, COORDINATOR, household.id, wrong, 3, Settings(), NOW)
        assert [e.field for e in refused.value.errors] == ["merged_into"]

    merged = replace(merge, merged_into=kept.id)
    cases.change_stage(uow, COORDINATOR, household.id, merged, 3, Settings(), NOW)

    stored = uow.households.cases.rows[household.id]
    assert (stored.stage, stored.merged_into) == (Stage.MERGED, kept.id)


def test_a_move_against_a_stale_version_is_refused() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(PreconditionFailed):
        cases.change_stage(
            uow, SUPERVISOR, household.id, ChangeStage(Stage.CARE, "x"), 2, Settings(), NOW
        )
    assert uow.households.cases.rows[household.id].stage is Stage.MANAGE and uow.published == []
