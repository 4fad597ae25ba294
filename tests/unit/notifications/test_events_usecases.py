"""Households events applied with the fake unit of work (`usecases/events.py`): the rules notify
whom they name, open an escalation and tell the right level, close it when the resolving event
comes, and a redelivered event changes nothing. No database, no broker."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.notifications.factories import (
    SETTINGS,
    T0,
    TAMBON,
    VILLAGE,
    handle,
    person,
    received,
    team,
    visit_logged,
    visit_overdue,
)
from tests.unit.notifications.fakes import FakeUnitOfWork


def kinds(uow: FakeUnitOfWork, person_id: str) -> list[str]:
    return [n.kind for n in uow.inbox_of(person_id)]


def staffed() -> FakeUnitOfWork:
    return FakeUnitOfWork().given(
        person("expert", "district_expert"),
        person("district", "district_supervisor"),
        team("team", expert="expert"),
    )


def test_a_visit_overdue_opens_an_escalation_and_tells_the_teams_expert() -> None:
    uow = staffed()
    handle(uow, visit_overdue("h1"))

    [escalation] = uow.escalations.rows.values()
    assert (escalation.kind, escalation.status, escalation.level) == ("visit_overdue", "open", 0)
    assert uow.escalations.addressees(escalation.id) == ["expert"]
    assert kinds(uow, "expert") == ["escalation.visit_overdue"]
    assert uow.inbox_of("expert")[0].escalation_id == escalation.id
    assert uow.channels_of("expert") == ["email"] and kinds(uow, "district") == []


def test_with_no_expert_in_the_team_the_escalation_starts_with_the_district_supervisor() -> None:
    uow = staffed().given(team("team", expert=None))
    handle(uow, visit_overdue("h1"))

    [escalation] = uow.escalations.rows.values()
    assert escalation.level == 1 and kinds(uow, "district") == ["escalation.visit_overdue"]


def test_the_resolving_event_closes_the_escalation_and_tells_its_addressees_in_the_inbox() -> None:
    uow = staffed()
    handle(uow, visit_overdue("h1"))
    handle(uow, visit_logged("h1"), T0 + timedelta(hours=2))

    [escalation] = uow.escalations.rows.values()
    assert (escalation.status, escalation.closed_by_event) == ("closed", "visit_logged")
    assert kinds(uow, "expert") == ["escalation.visit_overdue", "escalation.closed"]
    assert uow.channels_of("expert") == ["email"]  # the closing note goes to the inbox only


def test_a_redelivered_event_opens_nothing_twice_and_files_nothing_twice() -> None:
    uow = staffed()
    event = visit_overdue("h1")
    handle(uow, event)
    [before] = uow.escalations.rows.values()
    handle(uow, event, T0 + timedelta(minutes=5))

    assert list(uow.escalations.rows.values()) == [before]
    assert len(uow.notifications.rows) == 1 and len(uow.deliveries.rows) == 1


def test_the_same_trigger_again_refreshes_the_one_active_escalation() -> None:
    uow = staffed()
    handle(uow, visit_overdue("h1"))
    handle(uow, visit_overdue("h1"), T0 + timedelta(days=1))

    [escalation] = uow.escalations.rows.values()
    assert escalation.version == 3  # opened, then refreshed
    assert kinds(uow, "expert") == ["escalation.visit_overdue"]


def test_a_plan_waits_out_its_grace_and_approved_in_time_tells_nobody() -> None:
    uow = staffed()
    plan = {"household_id": "h1", "village_code": VILLAGE, "team_id": "team", "plan_id": "p1"}
    handle(uow, received("households", "plan_submitted", **plan, submitted_at=T0.isoformat()))

    [escalation] = uow.escalations.rows.values()
    assert escalation.status == "waiting"
    assert escalation.opens_at == T0 + SETTINGS.grace["plan_approval"]
    handle(uow, received("households", "plan_approved", **plan), T0 + timedelta(days=1))

    assert uow.escalations.rows[escalation.id].status == "closed"
    assert uow.notifications.rows == {}


def test_a_registered_household_is_announced_to_the_active_coordinators_of_its_area() -> None:
    uow = FakeUnitOfWork().given(
        person("here", "subdistrict_coordinator", areas=(TAMBON,)),
        person("gone", "subdistrict_coordinator", areas=(TAMBON,), active=False),
        person("elsewhere", "subdistrict_coordinator", areas=("240102",)),
        person("expert", "district_expert", areas=(TAMBON,)),
    )
    event = received(
        "households", "household_registered", household_id="h1", village_code=VILLAGE,
        member_count=4,
    )  # fmt: skip
    handle(uow, event)

    assert {n.recipient_id for n in uow.notifications.rows.values()} == {"here"}
    assert kinds(uow, "here") == ["household_registered"]


def test_a_household_assigned_to_a_team_is_followed_by_that_team_later() -> None:
    uow = staffed()
    assigned = received(
        "teams", "household_assigned", household_id="h1", team_id="team", village_code=VILLAGE
    )
    handle(uow, assigned)
    assert kinds(uow, "expert") == ["household_assigned"]
    handle(uow, visit_overdue("h1", team_id=None))  # the event does not name the team

    [escalation] = uow.escalations.rows.values()
    assert uow.escalations.addressees(escalation.id) == ["expert"]


def test_a_loan_in_a_worse_bucket_lifts_its_escalation_in_one_new_version() -> None:
    uow = staffed()
    uow.directory.household_teams.rows["h1"] = "team"

    def overdue(bucket: str, days: int) -> None:
        handle(uow, received(
            "funding", "loan_overdue", loan_id="l1", household_id="h1", village_code=VILLAGE,
            bucket=bucket, days_overdue=days, arrears_thb="500.00", as_of="2026-11-20",
        ), T0 + timedelta(days=days))  # fmt: skip

    overdue("1-30", 5)
    [before] = uow.escalations.rows.values()
    overdue("31-60", 35)

    [after] = uow.escalations.rows.values()
    assert (before.level, after.level, after.version) == (0, 1, before.version + 1)
    assert after.details["bucket"] == "31-60"
    assert kinds(uow, "district") == ["escalation.loan_arrears"]
