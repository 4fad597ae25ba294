"""Escalations acted on by people (`usecases/escalations.py`) with the fake unit of work: who may
see, acknowledge and resolve one, and a stale version refused. No database, no broker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infra.caller import Role
from infra.errors import Forbidden, KeyTaken, NotFound, PreconditionFailed
from services.notifications.domain.escalation import Escalation
from services.notifications.usecases import escalations
from services.notifications.usecases.commands import EscalationQuery
from tests.unit.notifications.factories import (
    T0,
    caller,
    handle,
    person,
    team,
    visit_overdue,
)
from tests.unit.notifications.fakes import FakeUnitOfWork

EXPERT = caller("expert", Role.DISTRICT_EXPERT)
LATER = T0 + timedelta(hours=1)


def opened() -> tuple[FakeUnitOfWork, str]:
    uow = FakeUnitOfWork().given(person("expert", "district_expert"), team("team"))
    handle(uow, visit_overdue("h1"))
    [escalation_id] = uow.escalations.rows
    return uow, escalation_id


def test_an_addressee_acknowledges_the_escalation_and_a_resend_changes_nothing() -> None:
    uow, eid = opened()
    version = uow.escalations.rows[eid].version
    escalations.acknowledge(uow, EXPERT, eid, version, LATER)
    again, _ = escalations.acknowledge(uow, EXPERT, eid, version, LATER + timedelta(hours=1))

    stored = uow.escalations.rows[eid]
    assert (stored.status, stored.acknowledged_by, stored.acknowledged_at) == (
        "acknowledged", "expert", LATER,
    )  # fmt: skip
    assert again.version == stored.version == version + 1 and uow.commits == 2


def test_someone_outside_its_area_and_not_addressed_does_not_find_it() -> None:
    uow, eid = opened()
    stranger = caller("stranger", Role.DISTRICT_SUPERVISOR, areas=("10",))

    with pytest.raises(NotFound):
        escalations.get_escalation(uow, stranger, eid)
    with pytest.raises(NotFound):
        escalations.acknowledge(uow, stranger, eid, None, LATER)
    assert uow.escalations.rows[eid].status == "open"


def test_someone_who_sees_it_but_neither_is_addressed_nor_supervises_may_not_act() -> None:
    uow, eid = opened()
    coordinator = caller("coordinator", Role.SUBDISTRICT_COORDINATOR)

    escalation, addressees = escalations.get_escalation(uow, coordinator, eid)
    assert (escalation.id, addressees) == (eid, ["expert"])
    with pytest.raises(Forbidden):
        escalations.resolve(uow, coordinator, eid, "done", None, LATER)
    assert uow.escalations.rows[eid].status == "open"


def test_a_supervisor_of_the_area_resolves_it() -> None:
    uow, eid = opened()
    supervisor = caller("district", Role.DISTRICT_SUPERVISOR)
    escalations.resolve(uow, supervisor, eid, "visited", None, LATER)

    stored = uow.escalations.rows[eid]
    assert (stored.status, stored.resolved_by, stored.resolution_note) == (
        "resolved", "district", "visited",
    )  # fmt: skip


def test_acting_over_a_stale_version_is_refused_and_nothing_is_kept() -> None:
    uow, eid = opened()
    version = uow.escalations.rows[eid].version

    with pytest.raises(PreconditionFailed):
        escalations.acknowledge(uow, EXPERT, eid, version - 1, LATER)
    assert uow.escalations.rows[eid].status == "open"


def test_a_second_active_escalation_of_the_same_subject_is_refused_as_the_database_does() -> None:
    uow, eid = opened()
    with uow, pytest.raises(KeyTaken):
        uow.escalations.add(Escalation("visit_overdue", "h1", "24010101", LATER))
    assert list(uow.escalations.rows) == [eid]


def test_the_list_shows_what_the_caller_reaches_with_its_addressees_newest_first() -> None:
    uow, eid = opened()
    handle(uow, visit_overdue("h2"), LATER)
    [later] = [e for e in uow.escalations.rows if e != eid]
    stranger = caller("stranger", Role.DISTRICT_SUPERVISOR, areas=("10",))

    found = escalations.list_escalations(uow, EXPERT, EscalationQuery(mine=True))
    assert [(e.id, to) for e, to in found.items] == [(later, ["expert"]), (eid, ["expert"])]
    assert escalations.list_escalations(uow, stranger, EscalationQuery()).items == []


def test_the_list_filters_by_status_and_pages_after_the_cursor() -> None:
    uow, eid = opened()
    handle(uow, visit_overdue("h2"), LATER)
    escalations.acknowledge(uow, EXPERT, eid, None, LATER)
    supervisor = caller("district", Role.DISTRICT_SUPERVISOR)

    first = escalations.list_escalations(uow, supervisor, EscalationQuery(limit=1))
    second = escalations.list_escalations(uow, supervisor, EscalationQuery(1, first.next))
    acknowledged = EscalationQuery(status=("acknowledged",))
    assert [e.id for e, _ in second.items] == [eid] and second.next is None
    assert [e.id for e, _ in escalations.list_escalations(uow, supervisor, acknowledged).items] == [
        eid
    ]
