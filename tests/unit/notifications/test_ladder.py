"""Ladder timing with an injected clock: climb while unacknowledged, stop once acknowledged."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.errors import Conflict
from services.notifications.domain.escalation import Escalation, first_staffed_level

T0 = datetime(2026, 11, 21, 3, tzinfo=UTC)
LIMITS = (timedelta(hours=48), timedelta(hours=72))


def opened(level=0, at=T0):
    escalation = Escalation("visit_overdue", "h1", "24010101", opens_at=at)
    escalation.open(level, at)
    return escalation


def test_it_climbs_only_once_the_limit_of_its_level_has_passed():
    escalation = opened()
    assert not escalation.climb_due(T0 + timedelta(hours=47, minutes=59), LIMITS)
    assert escalation.climb_due(T0 + timedelta(hours=48), LIMITS)
    escalation.climb_to(1, T0 + timedelta(hours=48))
    assert not escalation.climb_due(T0 + timedelta(hours=48 + 71), LIMITS)
    assert escalation.climb_due(T0 + timedelta(hours=48 + 72), LIMITS)
    escalation.climb_to(2, T0 + timedelta(hours=120))
    assert not escalation.climb_due(T0 + timedelta(days=365), LIMITS)  # the top: nowhere higher


def test_an_acknowledged_escalation_stops_climbing_and_a_resend_changes_nothing():
    escalation = opened()
    assert escalation.acknowledge("expert", T0 + timedelta(hours=1))
    version = escalation.version
    assert not escalation.acknowledge("expert", T0 + timedelta(hours=2))
    assert escalation.version == version and escalation.acknowledged_at == T0 + timedelta(hours=1)
    assert not escalation.climb_due(T0 + timedelta(days=30), LIMITS)


def test_resolving_records_who_and_when_and_ends_it():
    escalation = opened()
    escalation.resolve("district", "called the family", T0 + timedelta(hours=3))
    assert (escalation.status, escalation.resolved_by, escalation.acknowledged_by) == (
        "resolved", "district", "district",
    )  # fmt: skip
    assert escalation.active_key is None
    with pytest.raises(Conflict):
        escalation.acknowledge("expert", T0 + timedelta(hours=4))


def test_the_resolving_event_closes_it_and_says_whether_anyone_had_heard():
    waiting = Escalation("plan_waiting", "p1", "24010101", opens_at=T0 + timedelta(days=7))
    assert not waiting.due_to_open(T0 + timedelta(days=6))
    assert waiting.close("plan_approved", T0) is False  # never announced: nobody to tell
    announced = opened()
    assert announced.close("visit_logged", T0 + timedelta(hours=5)) is True
    assert announced.close("visit_logged", T0 + timedelta(hours=6)) is False
    assert (announced.status, announced.closed_by_event) == ("closed", "visit_logged")


def test_a_level_nobody_holds_is_skipped():
    assert first_staffed_level(0, [False, True, True]) == 1
    assert first_staffed_level(0, [False, False, True]) == 2
    assert first_staffed_level(1, [True, True, False]) == 1
    assert first_staffed_level(0, [False, False, False]) == 2


@given(st.integers(0, 2), st.timedeltas(timedelta(0), timedelta(days=30)))
def test_climbing_is_due_exactly_when_the_level_limit_has_passed(level, waited):
    escalation = opened(level)
    due = escalation.climb_due(T0 + waited, LIMITS)
    assert due == (level < 2 and waited >= LIMITS[level])
