"""Escalations listed and acted on by people (through the gateway)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Forbidden, NotFound
from infra.logs import get_logger
from infra.versions import require_version
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.escalation import Escalation
from services.notifications.domain.policy import acts_on_escalation, sees_escalation

log = get_logger(__name__)
View = tuple[Escalation, list[str]]


def list_escalations(
    uow: NotificationsUnitOfWork, caller: Caller, query: dict[str, Any]
) -> dict[str, Any]:
    with uow:
        items, cursor = uow.escalations.visible(caller, query, query.get("after"), query["limit"])
        views = [(e, uow.escalations.addressees(e.id)) for e in items]
    return {"items": views, "next": cursor}


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
    )


def _act(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    escalation_id: str,
    expected_version: int | None,
    change: Any,
    what: str,
) -> View:
    with uow:
        escalation, addressees = _visible(uow, caller, escalation_id)
        if not acts_on_escalation(caller, escalation, addressees):
            raise Forbidden(
                "only the people it is addressed to, or its area's supervisors, may act"
            )
        loaded = escalation.version
        if change(escalation):  # a resent command finds it done and changes nothing
            require_version(loaded, expected_version, "escalation")
            uow.escalations.save(escalation, loaded)
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
