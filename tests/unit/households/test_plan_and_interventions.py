"""Plans freeze on approval; interventions move only forward."""

from datetime import UTC, datetime

import pytest

from infra.errors import Conflict
from services.households.domain.intervention import Intervention
from services.households.domain.plan import Goal, Plan, PlanStatus
from services.households.vocabulary import Kind, Status

NOW = datetime(2026, 11, 21, tzinfo=UTC)
GOAL = Goal("economic", "income", "20,000", "40,000")


def test_an_approved_plan_is_frozen_and_an_edit_opens_the_next_version():
    plan = Plan("h1", 1, "p1", NOW, goals=[GOAL])
    plan.submit("p1", NOW)
    plan.approve("p2", NOW)
    with pytest.raises(Conflict):
        plan.edit({"livelihood": "rice"})
    draft = plan.next_draft("p1", NOW)
    assert (draft.number, draft.status, draft.goals) == (2, PlanStatus.DRAFT, [GOAL])


def test_a_plan_without_goals_cannot_be_submitted():
    with pytest.raises(Conflict):
        Plan("h1", 1, "p1", NOW).submit("p1", NOW)


def test_a_returned_plan_is_edited_and_submitted_again():
    plan = Plan("h1", 1, "p1", NOW, goals=[GOAL])
    plan.submit("p1", NOW)
    plan.return_("p2", "baseline missing", NOW)
    plan.edit({"livelihood": "rice"})
    plan.submit("p1", NOW)
    assert plan.status is PlanStatus.SUBMITTED and plan.decision_reason is None


def test_a_closed_intervention_does_not_reopen():
    item = Intervention("h1", Kind.REFERRAL, "p1", "health check", "p1", NOW, agency="clinic")
    assert item.change(Status.DONE, "seen", NOW)
    with pytest.raises(Conflict) as refused:
        item.change(Status.IN_PROGRESS, None, NOW)
    assert refused.value.extra["allowed"] == []
    assert not item.change(Status.DONE, None, NOW)  # a repeated report changes nothing
