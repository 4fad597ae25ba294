"""The escalation ladder's tick with the fake unit of work (`usecases/ladder.py`): it opens what
waited out its grace and climbs what stayed unacknowledged too long, each step once however often
the timer fires, and not at all when another replica took it. No database, no broker."""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime, timedelta

from services.notifications.domain.escalation import Escalation
from services.notifications.usecases import ladder
from tests.unit.notifications.factories import (
    SETTINGS,
    T0,
    VILLAGE,
    handle,
    person,
    received,
    team,
    visit_overdue,
)
from tests.unit.notifications.fakes import FakeUnitOfWork

CLIMB = T0 + SETTINGS.escalation_limits[0]


def opened(*people: str) -> tuple[FakeUnitOfWork, Escalation]:
    """An escalation opened at T0 for the team's expert, with these supervisors in the area."""
    uow = FakeUnitOfWork().given(person("expert", "district_expert"), team("team"))
    uow.given(*(person(role, f"{role}_supervisor") for role in people))
    handle(uow, visit_overdue("h1"))
    [escalation] = uow.escalations.rows.values()
    return uow, escalation


def kinds(uow: FakeUnitOfWork, person_id: str) -> list[str]:
    return [n.kind for n in uow.inbox_of(person_id)]


def test_an_unacknowledged_escalation_climbs_once_its_limit_has_passed_and_only_once() -> None:
    uow, escalation = opened("district")

    assert ladder.tick(uow, CLIMB - timedelta(seconds=1), SETTINGS) == 0
    ticks = [ladder.tick(uow, at, SETTINGS) for at in (CLIMB, CLIMB, CLIMB + timedelta(minutes=1))]

    assert ticks == [1, 0, 0]
    climbed = uow.escalations.rows[escalation.id]
    assert (climbed.level, climbed.level_since) == (1, CLIMB)
    assert kinds(uow, "district") == ["escalation.visit_overdue"]
    assert uow.channels_of("district") == ["email"]
    assert uow.escalations.addressees(escalation.id) == ["expert", "district"]


def test_each_level_waits_out_its_own_limit_before_the_next() -> None:
    uow, escalation = opened("district", "provincial")
    ladder.tick(uow, CLIMB, SETTINGS)
    second = CLIMB + SETTINGS.escalation_limits[1]

    assert ladder.tick(uow, second - timedelta(seconds=1), SETTINGS) == 0
    assert ladder.tick(uow, second, SETTINGS) == 1
    assert uow.escalations.rows[escalation.id].level == 2
    assert kinds(uow, "provincial") == ["escalation.visit_overdue"]


def test_a_level_with_nobody_on_it_is_passed_over() -> None:
    uow, escalation = opened("provincial")

    assert ladder.tick(uow, CLIMB, SETTINGS) == 1
    assert uow.escalations.rows[escalation.id].level == 2
    assert kinds(uow, "provincial") == ["escalation.visit_overdue"]


def test_an_acknowledged_escalation_does_not_climb() -> None:
    uow, escalation = opened("district")
    acknowledged = deepcopy(escalation)
    acknowledged.acknowledge("expert", T0 + timedelta(hours=1))
    uow.given(acknowledged)

    assert ladder.tick(uow, CLIMB + timedelta(days=7), SETTINGS) == 0
    assert kinds(uow, "district") == []


def test_a_step_another_replica_took_meanwhile_is_left_to_it_and_nothing_is_filed_twice() -> None:
    uow, escalation = opened("district")
    theirs = deepcopy(escalation)
    theirs.climb_to(1, CLIMB)
    uow.escalations.rivals.append(theirs)

    assert ladder.tick(uow, CLIMB, SETTINGS) == 0
    assert uow.escalations.rows[escalation.id].version == theirs.version
    assert kinds(uow, "district") == [] and uow.channels_of("district") == []


def test_an_escalation_that_waited_out_its_grace_is_opened_by_the_tick() -> None:
    uow = FakeUnitOfWork().given(person("expert", "district_expert"), team("team"))
    handle(uow, received(
        "households", "plan_submitted", household_id="h1", village_code=VILLAGE,
        team_id="team", plan_id="p1", submitted_at=T0.isoformat(),
    ))  # fmt: skip
    [escalation] = uow.escalations.rows.values()
    opens_at = escalation.opens_at

    assert ladder.tick(uow, opens_at - timedelta(seconds=1), SETTINGS) == 0
    assert [ladder.tick(uow, opens_at, SETTINGS) for _ in range(2)] == [1, 0]
    opened_now = uow.escalations.rows[escalation.id]
    assert (opened_now.status, opened_now.level, opened_now.opened_at) == ("open", 0, opens_at)
    assert kinds(uow, "expert") == ["escalation.plan_waiting"]


def test_a_listed_escalation_that_another_replica_opened_meanwhile_is_not_opened_again() -> None:
    uow = FakeUnitOfWork().given(person("expert", "district_expert"), team("team"))
    handle(uow, received(
        "households", "plan_submitted", household_id="h1", village_code=VILLAGE,
        team_id="team", plan_id="p1", submitted_at=T0.isoformat(),
    ))  # fmt: skip
    [escalation] = uow.escalations.rows.values()
    listed = uow.escalations.waiting_until

    def listed_then_opened_elsewhere(now: datetime, limit: int) -> list[str]:
        ids = listed(now, limit)
        theirs = deepcopy(escalation)
        theirs.open(0, now)
        uow.escalations.rows[theirs.id] = theirs  # committed between the list and the step
        return ids

    uow.escalations.waiting_until = listed_then_opened_elsewhere  # type: ignore[method-assign]
    assert ladder.tick(uow, escalation.opens_at, SETTINGS) == 0
    assert kinds(uow, "expert") == []
