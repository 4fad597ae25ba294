"""Audit entries of escalations: one per change (created, opened, climbed, raised, acknowledged,
resolved, closed), in the change's transaction. What the timer or an event does is done by
"system"."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from infra.audit import changes
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.escalation import Escalation

ESCALATION = "escalation"
SYSTEM = "system"
FOLLOWED = (
    "status",
    "level",
    "details",
    "acknowledged_by",
    "resolved_by",
    "resolution_note",
    "closed_by_event",
)


def escalation_values(escalation: Escalation) -> dict[str, Any]:
    values = {name: getattr(escalation, name) for name in FOLLOWED}
    return json.loads(json.dumps(values, default=str))


def record_escalation(
    uow: NotificationsUnitOfWork,
    escalation: Escalation,
    before: dict[str, Any],
    action: str,
    now: datetime,
    by: str = SYSTEM,
    reason: str | None = None,
) -> None:
    """An entry for the escalation (`before`: `escalation_values` before the change; {} new)."""
    uow.audit.record(
        object_type=ESCALATION,
        object_id=escalation.id,
        area_code=escalation.area_code.ljust(8, "0"),
        action=action,
        actor_id=by,
        at=now,
        changed=changes(before, escalation_values(escalation)),
        reason=reason,
    )
