"""Drafting, submitting, approving and returning the household plan with the fake unit of work:
the plan's status and version, the events, who may decide, stale versions.
No database, no broker."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infra.caller import Caller
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed
from services.households.domain.plan import Goal, PlanStatus
from services.households.usecases import plans
from services.households.usecases.commands import ReturnPlan, SavePlan
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    EXPERT,
    LATER,
    NOW,
    SUPERVISOR,
    TEAM,
    case,
    plan,
)
from tests.unit.households.fakes import FakeUnitOfWork

GOAL = Goal("economic", "income", "1", "2")
CONTENT = SavePlan(problems=("debt",), needs=("income",), livelihood="rice", goals=(GOAL,))


def test_the_first_draft_is_stored_unannounced_and_edits_bump_its_version() -> None:
    household = case(Stage.COMPASS)
    uow = FakeUnitOfWork().given(household)

    draft = plans.save_plan(uow, COORDINATOR, household.id, SavePlan(problems=("debt",)), None, NOW)
    edited = plans.save_plan(uow, COORDINATOR, household.id, CONTENT, 1, LATER)

    stored = uow.plans.plans.rows[draft.id]
    assert (edited.id, stored.number, stored.version, stored.status) == (
        draft.id, 1, 2, PlanStatus.DRAFT,
    )  # fmt: skip
    assert stored.livelihood == "rice" and stored.goals[0].capital == "economic"
    assert uow.published == []


def test_editing_a_draft_against_a_stale_version_is_refused_with_the_current_version() -> None:
    household = case(Stage.COMPASS)
    draft = plan(household)
    uow = FakeUnitOfWork().given(household, draft)

    with pytest.raises(PreconditionFailed) as refused:
        plans.save_plan(uow, COORDINATOR, household.id, CONTENT, 1, NOW)
    assert refused.value.extra == {"current_version": 2}
    assert uow.plans.plans.rows[draft.id].livelihood is None and uow.commits == 0


def test_a_plan_changed_meanwhile_refuses_the_save_and_nothing_is_announced() -> None:
    household = case(Stage.COMPASS)
    draft = plan(household)
    uow = FakeUnitOfWork().given(household, draft)
    uow.plans.meanwhile.append(replace(draft, version=3, livelihood="fish"))

    with pytest.raises(PreconditionFailed):
        plans.submit_plan(uow, COORDINATOR, household.id, 2, NOW)
    stored = uow.plans.plans.rows[draft.id]
    assert (stored.version, stored.status, stored.livelihood) == (3, PlanStatus.DRAFT, "fish")
    assert uow.published == [] and uow.commits == 0


def test_plans_are_made_only_once_the_household_consented() -> None:
    household = case(Stage.TARGET)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(Conflict):
        plans.save_plan(uow, COORDINATOR, household.id, CONTENT, None, NOW)
    assert uow.plans.plans.rows == {}


def test_a_submitted_plan_is_announced_to_the_team() -> None:
    household = case(Stage.COMPASS)
    draft = plan(household)
    uow = FakeUnitOfWork().given(household, draft)

    submitted = plans.submit_plan(uow, COORDINATOR, household.id, 2, NOW)

    stored = uow.plans.plans.rows[draft.id]
    assert (stored.status, stored.version, submitted.version) == (PlanStatus.SUBMITTED, 3, 3)
    assert uow.events("plan_submitted") == [
        {
            "household_id": household.id,
            "village_code": household.village_code,
            "team_id": TEAM,
            "plan_id": draft.id,
            "plan_version": 1,
            "submitted_by": COORDINATOR.person_id,
            "submitted_at": NOW.isoformat(),
        }
    ]


def test_a_plan_without_goals_cannot_be_submitted() -> None:
    household = case(Stage.COMPASS)
    uow = FakeUnitOfWork().given(household, plan(household, goals=[]))
    with pytest.raises(Conflict):
        plans.submit_plan(uow, COORDINATOR, household.id, None, NOW)
    assert uow.published == []


def test_the_first_approval_moves_the_case_from_compass_to_manage() -> None:
    household = case(Stage.COMPASS)
    submitted = plan(household, PlanStatus.SUBMITTED)
    uow = FakeUnitOfWork().given(household, submitted)

    approved = plans.approve_plan(uow, EXPERT, household.id, 2, NOW)

    assert uow.plans.plans.rows[submitted.id].status is PlanStatus.APPROVED
    assert approved.decided_by == EXPERT.person_id and approved.version == 3
    assert uow.kinds() == ["plan_approved", "case_stage_changed"]
    assert uow.events("plan_approved")[0]["approved_by"] == EXPERT.person_id
    stored = uow.households.cases.rows[household.id]
    assert (stored.stage, stored.version) == (Stage.MANAGE, 4)
    assert uow.events("case_stage_changed")[0]["reason"] == "plan 1 approved"


def test_an_approved_plan_is_frozen_and_the_next_edit_opens_version_two() -> None:
    household = case(Stage.MANAGE)
    approved = plan(household, PlanStatus.APPROVED)
    uow = FakeUnitOfWork().given(household, approved)

    draft = plans.save_plan(uow, COORDINATOR, household.id, CONTENT, None, NOW)

    assert draft.id != approved.id and (draft.number, draft.status) == (2, PlanStatus.DRAFT)
    assert uow.plans.plans.rows[approved.id].status is PlanStatus.APPROVED


def test_a_returned_plan_carries_the_reason_and_the_case_stays_in_compass() -> None:
    household = case(Stage.COMPASS)
    submitted = plan(household, PlanStatus.SUBMITTED)
    uow = FakeUnitOfWork().given(household, submitted)

    plans.return_plan(uow, SUPERVISOR, household.id, ReturnPlan("goals need a baseline"), 2, NOW)

    stored = uow.plans.plans.rows[submitted.id]
    assert (stored.status, stored.decision_reason) == (PlanStatus.RETURNED, "goals need a baseline")
    (returned,) = uow.events("plan_returned")
    assert (returned["returned_by"], returned["reason"]) == (
        SUPERVISOR.person_id,
        stored.decision_reason,
    )
    assert uow.households.cases.rows[household.id].stage is Stage.COMPASS
    assert uow.kinds() == ["plan_returned"]


def test_deciding_against_a_stale_version_is_refused_with_the_current_version() -> None:
    household = case(Stage.COMPASS)
    submitted = plan(household, PlanStatus.SUBMITTED)
    uow = FakeUnitOfWork().given(household, submitted)

    with pytest.raises(PreconditionFailed) as refused:
        plans.approve_plan(uow, EXPERT, household.id, 1, NOW)
    assert refused.value.extra == {"current_version": 2}
    assert uow.plans.plans.rows[submitted.id].status is PlanStatus.SUBMITTED and uow.published == []


@pytest.mark.parametrize("who", [COORDINATOR, EXPERT], ids=["not an approver", "the submitter"])
def test_only_an_approver_other_than_the_submitter_may_decide(who: Caller) -> None:
    household = case(Stage.COMPASS)
    submitted = plan(household, PlanStatus.SUBMITTED, submitted_by=EXPERT.person_id)
    uow = FakeUnitOfWork().given(household, submitted)

    with pytest.raises(Forbidden):
        plans.approve_plan(uow, who, household.id, 2, NOW)
    with pytest.raises(Forbidden):
        plans.return_plan(uow, who, household.id, ReturnPlan("no"), 2, NOW)
    assert uow.plans.plans.rows[submitted.id].status is PlanStatus.SUBMITTED and uow.published == []


def test_a_caller_outside_the_area_finds_no_household_and_a_household_no_plan() -> None:
    household = case(Stage.COMPASS)
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(NotFound):
        plans.save_plan(uow, ELSEWHERE, household.id, CONTENT, None, NOW)
    with pytest.raises(NotFound):
        plans.submit_plan(uow, COORDINATOR, household.id, None, NOW)
    assert uow.plans.plans.rows == {} and uow.published == []


def test_the_current_plan_is_the_latest_version_for_whoever_may_read_the_household() -> None:
    household = case(Stage.COMPASS)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(NotFound):
        plans.current_plan(uow, COORDINATOR, household.id)
    draft = plans.save_plan(uow, COORDINATOR, household.id, CONTENT, None, NOW)

    current = plans.current_plan(uow, EXPERT, household.id)
    assert (current.id, current.version, current.status) == (draft.id, 1, PlanStatus.DRAFT)
    with pytest.raises(NotFound):  # outside the caller's reach: no different from no household
        plans.current_plan(uow, ELSEWHERE, household.id)
