"""Logging visits with the fake unit of work: the visit and its events, resends by client key,
who may log one, falling income and graduation. No database, no broker."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from infra.client_requests import UNKNOWN_FINGERPRINT
from infra.commands import command_of
from infra.errors import Conflict, Forbidden, KeyTaken, NotFound, ValidationFailed
from infra.pagination import Page
from services.households.domain.care import Visit
from services.households.settings import Settings
from services.households.usecases import care
from services.households.usecases.commands import LogVisit
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    LATER,
    LEADER,
    NOW,
    SUPERVISOR,
    TEAM,
    case,
)
from tests.unit.households.fakes import FakeUnitOfWork

SETTINGS = Settings(income_thresholds_thb={2026: Decimal("40000")})
VISITED = NOW - timedelta(hours=2)


def visit(**changes: Any) -> LogVisit:
    """A visit as the entrypoint builds it from what the `LogVisit` schema loaded."""
    command = {"visited_at": VISITED, "notes": "all well", "wellbeing": 4, "problems": []}
    return command_of(
        LogVisit, {"annual_income_thb": None, "client_key": None, **command, **changes}
    )


def test_a_visit_is_stored_announced_and_sets_the_next_one_due() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)

    logged = care.log_visit(uow, LEADER, household.id, visit(), SETTINGS, NOW)

    assert uow.visits.visits.rows == {logged.id: logged} and logged.visited_by == LEADER.person_id
    assert uow.events("visit_logged") == [
        {
            "household_id": household.id,
            "village_code": household.village_code,
            "team_id": TEAM,
            "visit_id": logged.id,
            "visited_at": VISITED.isoformat(),
            "visited_by": LEADER.person_id,
            "wellbeing": 4,
        }
    ]
    stored = uow.households.cases.rows[household.id]
    assert stored.next_visit_due == VISITED.date() + timedelta(days=30) and stored.version == 4


def test_a_resend_by_client_key_answers_the_first_visit_and_changes_nothing() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    first = care.log_visit(
        uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, NOW
    )

    again = care.log_visit(
        uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, LATER
    )

    assert again == first and list(uow.visits.visits.rows) == [first.id]
    assert uow.kinds() == ["visit_logged"] and uow.commits == 1
    assert uow.households.cases.rows[household.id].version == 4


def test_the_same_client_key_with_another_visit_is_refused_and_changes_nothing() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    care.log_visit(uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, NOW)

    with pytest.raises(Conflict) as refused:
        care.log_visit(
            uow, LEADER, household.id, visit(client_key="visit-key-1", notes="x"), SETTINGS, NOW
        )
    assert [e.field for e in refused.value.errors] == ["client_key"]
    assert len(uow.visits.visits.rows) == 1 and uow.commits == 1


def test_a_visit_in_the_future_is_refused() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(ValidationFailed) as refused:
        care.log_visit(
            uow, LEADER, household.id, visit(visited_at=NOW + timedelta(hours=1)), SETTINGS, NOW
        )
    assert [e.field for e in refused.value.errors] == ["visited_at"]
    assert uow.visits.visits.rows == {} and uow.published == []


@pytest.mark.parametrize("stage", [Stage.REGISTERED, Stage.DECLINED])
def test_visits_are_logged_on_open_cases_only(stage: Stage) -> None:
    household = case(stage)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(Conflict):
        care.log_visit(uow, LEADER, household.id, visit(), SETTINGS, NOW)
    assert uow.visits.visits.rows == {} and uow.published == []


def test_a_caller_outside_the_area_gets_not_found_and_one_who_may_only_look_forbidden() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(NotFound):
        care.log_visit(uow, ELSEWHERE, household.id, visit(), SETTINGS, NOW)
    with pytest.raises(Forbidden):
        care.log_visit(uow, SUPERVISOR, household.id, visit(), SETTINGS, NOW)
    assert uow.visits.visits.rows == {} and uow.published == []


def _logged_at_income(uow: FakeUnitOfWork, household_id: str, income: str, days_ago: int) -> Visit:
    at = NOW - timedelta(days=days_ago)
    command = visit(visited_at=at - timedelta(hours=1), annual_income_thb=Decimal(income))
    return care.log_visit(uow, COORDINATOR, household_id, command, SETTINGS, at)


def test_an_income_below_the_last_assessment_is_announced_as_falling() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    before = _logged_at_income(uow, household.id, "90000", days_ago=1)

    after = _logged_at_income(uow, household.id, "60000", days_ago=0)

    assert before.income_per_person_thb == Decimal("30000.00")
    (fell,) = uow.events("household_income_fell")
    assert fell["visit_id"] == after.id
    falling = (fell["previous_income_per_person_thb"], fell["income_per_person_thb"])
    assert falling == ("30000.00", "20000.00")


def test_a_case_in_care_graduates_after_two_assessments_at_the_threshold() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)
    _logged_at_income(uow, household.id, "150000", days_ago=40)
    assert uow.events("household_graduated") == []

    _logged_at_income(uow, household.id, "120000", days_ago=0)

    assert uow.households.cases.rows[household.id].stage is Stage.GRADUATED
    (graduated,) = uow.events("household_graduated")
    assert (
        graduated["household_id"] == household.id and graduated["monitoring_until"] == "2027-11-21"
    )
    assert uow.events("case_stage_changed")[-1]["to_stage"] == "graduated"


def test_an_open_intervention_holds_graduation_back() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)
    uow.interventions.open[household.id] = 1
    _logged_at_income(uow, household.id, "150000", days_ago=40)
    _logged_at_income(uow, household.id, "120000", days_ago=0)

    assert uow.households.cases.rows[household.id].stage is Stage.CARE
    assert uow.events("household_graduated") == []


def test_a_key_kept_before_fingerprints_were_replays_its_visit_for_any_resend() -> None:
    household = case(Stage.MANAGE)
    given = Visit(household.id, VISITED, "x", NOW, "n", 3)
    uow = FakeUnitOfWork().given(household, given)
    uow.client_requests.answers.rows[(household.id, "visit-key-1")] = (
        "log_visit",
        UNKNOWN_FINGERPRINT,
        json.dumps({"visit_id": given.id}),
    )

    again = care.log_visit(
        uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, NOW
    )

    assert again == given and uow.published == [] and uow.commits == 0


def test_a_key_is_the_households_a_visit_elsewhere_may_use_it_again() -> None:
    one, other = case(Stage.MANAGE, seed=1), case(Stage.MANAGE, seed=2)
    uow = FakeUnitOfWork().given(one, other)
    first = care.log_visit(uow, LEADER, one.id, visit(client_key="visit-key-1"), SETTINGS, NOW)
    second = care.log_visit(uow, LEADER, other.id, visit(client_key="visit-key-1"), SETTINGS, NOW)
    assert first.id != second.id and len(uow.visits.visits.rows) == 2


def test_visits_are_listed_newest_first_as_one_page() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    older = care.log_visit(uow, LEADER, household.id, visit(), SETTINGS, NOW)
    newer = care.log_visit(uow, LEADER, household.id, visit(visited_at=NOW), SETTINGS, LATER)

    assert care.list_visits(uow, SUPERVISOR, household.id, 10) == Page([newer, older])
    assert care.list_visits(uow, SUPERVISOR, household.id, 1) == Page([newer])


def test_a_resend_racing_its_first_send_is_refused_not_failed_and_keeps_nothing() -> None:
    """The first send commits between the resend's look for its key and its insert."""
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    first = care.log_visit(
        uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, NOW
    )
    uow.client_requests.get = lambda *_: None  # type: ignore[method-assign]

    with pytest.raises(KeyTaken):
        care.log_visit(uow, LEADER, household.id, visit(client_key="visit-key-1"), SETTINGS, NOW)
    assert list(uow.visits.visits.rows) == [first.id] and uow.kinds() == ["visit_logged"]
