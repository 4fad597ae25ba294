"""The escalations' audit trail with the fake unit of work: created by an event, climbed by the
timer (actor "system"), acknowledged and resolved by a person (the note as the reason), each once;
the history is read by whoever may read the escalation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infra.caller import Role
from infra.errors import NotFound
from services.notifications.usecases import escalations, history, ladder
from tests.unit.notifications.factories import (
    SETTINGS,
    T0,
    caller,
    handle,
    person,
    team,
    visit_overdue,
)
from tests.unit.notifications.fakes import FakeUnitOfWork

EXPERT = caller("expert", Role.DISTRICT_EXPERT)
SUPERVISOR = caller("district_supervisor", Role.DISTRICT_SUPERVISOR)
CLIMB = T0 + SETTINGS.escalation_limits[0]


def test_an_escalations_life_is_recorded_once_per_change() -> None:
    uow = FakeUnitOfWork().given(person("expert", "district_expert"), team("team"))
    uow.given(person("district", "district_supervisor"))
    handle(uow, visit_overdue("h1"))
    [eid] = uow.escalations.rows
    ladder.tick(uow, CLIMB, SETTINGS)
    ladder.tick(uow, CLIMB, SETTINGS)  # a second replica's tick changes nothing
    version = uow.escalations.rows[eid].version
    escalations.acknowledge(uow, EXPERT, eid, version, CLIMB + timedelta(hours=1))
    escalations.acknowledge(uow, EXPERT, eid, None, CLIMB + timedelta(hours=2))  # a resend
    escalations.resolve(uow, EXPERT, eid, "visited at last", None, CLIMB + timedelta(hours=3))

    found = history.escalation_history(uow, EXPERT, eid, None, 50).items
    assert [(e.action, e.actor_id) for e in found] == [
        ("resolved", "expert"),
        ("acknowledged", "expert"),
        ("climbed", "system"),
        ("created", "system"),
    ]
    assert found[0].reason == "visited at last"
    assert found[2].changes["level"][0] < found[2].changes["level"][1]
    stranger = caller("stranger", Role.DISTRICT_SUPERVISOR, areas=("10",))
    with pytest.raises(NotFound):
        history.escalation_history(uow, stranger, eid, None, 50)
