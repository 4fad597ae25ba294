"""Who may see and act on what: object-level checks against the caller."""

from __future__ import annotations

from collections.abc import Collection

from infra.caller import Caller, Role
from services.notifications.domain.escalation import Escalation

SUPERVISORS = (Role.DISTRICT_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR)


def sees_escalation(caller: Caller, escalation: Escalation, addressees: Collection[str]) -> bool:
    """Addressed to the caller, or inside the caller's areas (administrators see everything)."""
    return caller.person_id in addressees or caller.covers(escalation.area_code)


def acts_on_escalation(caller: Caller, escalation: Escalation, addressees: Collection[str]) -> bool:
    """Addressed to the caller, or the caller supervises its area."""
    if caller.is_admin or caller.person_id in addressees:
        return True
    supervises = any(role in caller.roles for role in SUPERVISORS)
    return supervises and caller.covers(escalation.area_code)


def reads_inbox_of(caller: Caller, recipient_id: str) -> bool:
    return caller.is_admin or caller.person_id == recipient_id
