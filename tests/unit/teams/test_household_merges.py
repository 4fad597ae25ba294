"""A household merged into another, as the teams service follows it (fake unit of work): the
duplicate's case closes here, and its team takes the survivor when that has no team yet."""

from __future__ import annotations

from typing import Any

from infra.envelope import ReceivedEvent
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.usecases.household_merges import follow_merge
from tests.unit.teams.factories import NOW, VILLAGE, full_team
from tests.unit.teams.fakes import FakeUnitOfWork

DUPLICATE, SURVIVOR = "00000000-0000-4000-8000-00000000000d", "00000000-0000-4000-8000-00000000000e"


def merged(event_id: str = "e1", **data: Any) -> ReceivedEvent:
    body = {
        "household_id": DUPLICATE,
        "village_code": VILLAGE,
        "into_household_id": SURVIVOR,
        "into_village_code": VILLAGE,
        "changed_by": "expert",
        "changed_at": NOW,
        **data,
    }
    return ReceivedEvent(event_id, "household_merged", 1, NOW, "households", None, body)


def test_the_duplicates_team_takes_the_survivor_and_says_so() -> None:
    team = full_team()
    old = Assignment(DUPLICATE, VILLAGE, team.id, "someone", NOW)
    uow = FakeUnitOfWork().given(team, old, KnownHousehold(DUPLICATE, VILLAGE, stage="care"))

    follow_merge(uow, merged())

    assert uow.households.rows[DUPLICATE].stage == "merged"
    assert not uow.households.rows[DUPLICATE].open_case
    assert uow.assignments.rows[SURVIVOR].team_id == team.id
    (assigned,) = uow.events("household_assigned")
    assert (assigned["household_id"], assigned["team_id"]) == (SURVIVOR, team.id)


def test_a_survivor_with_a_team_keeps_it_and_a_redelivery_changes_nothing() -> None:
    team, other = full_team(), full_team(name="Smile 2")
    uow = FakeUnitOfWork().given(
        team,
        other,
        Assignment(DUPLICATE, VILLAGE, team.id, "someone", NOW),
        Assignment(SURVIVOR, VILLAGE, other.id, "someone", NOW),
    )

    follow_merge(uow, merged())
    follow_merge(uow, merged())

    assert uow.assignments.rows[SURVIVOR].team_id == other.id
    assert uow.published == [] and uow.commits == 1


def test_a_team_that_does_not_cover_the_survivors_village_does_not_take_it() -> None:
    team = full_team()
    uow = FakeUnitOfWork().given(team, Assignment(DUPLICATE, VILLAGE, team.id, "someone", NOW))

    follow_merge(uow, merged(into_village_code="24020101"))

    assert SURVIVOR not in uow.assignments.rows and uow.published == []
    assert uow.households.rows[SURVIVOR].village_code == "24020101"
