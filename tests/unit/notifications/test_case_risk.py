"""A case whose risk became high or critical (issue 16) climbs the overdue visit's ladder: one
escalation per rise, closed when the level falls below high."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from infra.envelope import ReceivedEvent
from tests.unit.notifications.factories import T0, VILLAGE, handle, person, received, team
from tests.unit.notifications.fakes import FakeUnitOfWork


def risk(event_type: str, level: str, **changes: Any) -> ReceivedEvent:
    data = {
        "household_id": "h1",
        "village_code": VILLAGE,
        "team_id": "team",
        "level": level,
        "previous_level": "medium",
        "signals": ["missed_visits", "loans_in_arrears"],
        "assessed_at": T0.isoformat(),
        **changes,
    }
    return received("households", event_type, **data)


def staffed() -> FakeUnitOfWork:
    return FakeUnitOfWork().given(
        person("expert", "district_expert"),
        person("district", "district_supervisor"),
        team("team", expert="expert"),
    )


def test_a_case_risk_raised_opens_an_escalation_for_the_teams_expert() -> None:
    uow = staffed()
    handle(uow, risk("case_risk_raised", "high"))

    [escalation] = uow.escalations.rows.values()
    assert (escalation.kind, escalation.level, escalation.status) == ("case_risk", 0, "open")
    [notice] = uow.inbox_of("expert")
    assert notice.kind == "escalation.case_risk" and "missed_visits" in notice.body


def test_a_rise_to_critical_keeps_the_one_escalation_and_a_redelivery_changes_nothing() -> None:
    uow = staffed()
    raised = risk("case_risk_raised", "high")
    handle(uow, raised)
    handle(uow, raised, T0 + timedelta(minutes=1))
    handle(uow, risk("case_risk_raised", "critical", previous_level="high"))

    assert len(uow.escalations.rows) == 1


def test_a_level_falling_below_high_closes_it() -> None:
    uow = staffed()
    handle(uow, risk("case_risk_raised", "high"))
    handle(uow, risk("case_risk_lowered", "medium", previous_level="high"), T0 + timedelta(hours=1))

    [escalation] = uow.escalations.rows.values()
    assert (escalation.status, escalation.closed_by_event) == ("closed", "case_risk_lowered")
