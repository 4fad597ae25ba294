"""Escalations listed and acted on by people (through the gateway)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Forbidden, NotFound
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.db.escalations import EscalationFilter
from services.notifications.domain.escalation import Escalation
from services.notifications.domain.policy import acts_on_escalation, sees_escalation
from services.notifications.usecases.audit import escalation_values, record_escalation
from services.notifications.usecases.commands import EscalationQuery

log = get_logger(__name__)
View = tuple[Escalation, list[str]]


def list_escalations(
    uow: NotificationsUnitOfWork, caller: Caller, query: EscalationQuery
) -> Page[View]:
    filters = EscalationFilter(query.status, query.kind, query.area_code, query.level, query.mine)
    with uow:
        found = uow.escalations.visible(caller, filters, query.after, query.limit)
        views = [(e, uow.escalations.addressees(e.id)) for e in found.items]
    return Page(views, found.next)


def get_escalation(uow: NotificationsUnitOfWork, caller: Caller, escalation_id: str) -> View:
    with uow:
        return _visible(uow, caller, escalation_id)


def acknowledge(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    escalation_id: str,
    expected_version: int | None,
    now: datetime,
) -> View:
    return _act(
        uow,
        caller,
        escalation_id,
        expected_version,
        lambda e: e.acknowledge(caller.person_id, now),
        "acknowledged",
        (now, None),
    )


def resolve(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    escalation_id: str,
    note: str | None,
    expected_version: int | None,
    now: datetime,
) -> View:
    return _act(
        uow,
        caller,
        escalation_id,
        expected_version,
        lambda e: e.resolve(caller.person_id, note, now),
        "resolved",
        (now, note),
    )


def _act(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    escalation_id: str,
    expected_version: int | None,
    change: Any,
    what: str,
    when_why: tuple[datetime, str | None],
) -> View:
    with uow:
        escalation, addressees = _visible(uow, caller, escalation_id)
        if not acts_on_escalation(caller, escalation, addressees):
            raise Forbidden(
                "only the people it is addressed to, or its area's supervisors, may act"
            )
        loaded, before = escalation.version, escalation_values(escalation)
        if change(escalation):  # a resent command finds it done and changes nothing
            require_version(loaded, expected_version, "escalation")
            uow.escalations.save(escalation)
            now, reason = when_why
            record_escalation(uow, escalation, before, what, now, caller.person_id, reason)
            uow.commit()
            log.info(f"escalation.{what}", escalation_id=escalation.id, person_id=caller.person_id)
    return escalation, addressees


def _visible(uow: NotificationsUnitOfWork, caller: Caller, escalation_id: str) -> View:
    escalation = uow.escalations.get(escalation_id)
    addressees = uow.escalations.addressees(escalation_id) if escalation else []
    if (
        escalation is None
        or escalation.status == "waiting"
        or not sees_escalation(caller, escalation, addressees)
    ):
        raise NotFound(f"escalation {escalation_id} not found")
    return escalation, addressees
