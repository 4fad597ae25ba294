"""Risk use cases: reassess cases when a signal changes.

`reassess` runs inside the transaction of the change that moved a signal (a visit logged, a
visit found overdue, an import's batch, an arrears event), so the level, its audit entry and its
event commit with that change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from services.households.dates import today
from services.households.db import HouseholdsUnitOfWork
from services.households.db.risk import CaseRef
from services.households.domain.risk import (
    Assessment,
    Signals,
    assess,
    fell_from_escalation,
    raised_to_escalation,
)
from services.households.risk_events import CASE_RISK_LOWERED, CASE_RISK_RAISED
from services.households.settings import Settings

SYSTEM = "system"


def reassess(
    uow: HouseholdsUnitOfWork,
    household_ids: Sequence[str],
    settings: Settings,
    now: datetime,
    actor: str = SYSTEM,
) -> int:
    """Assess these households' cases again; store what changed. Returns the levels changed."""
    cases = uow.risks.cases(household_ids)
    if not cases:
        return 0
    since = today(now) - timedelta(days=settings.risk.missed_visits_window_days)
    found = uow.risks.signals([c.id for c in cases], since)
    changed = 0
    for case in cases:
        signals = found[case.id]
        if signals == (Signals() if case.signals is None else case.signals):
            continue
        assessed = assess(signals, settings.risk)
        uow.risks.save(case.id, assessed, signals, now)
        if assessed.level != case.level:
            _announce(uow, case, assessed, now, actor)
            changed += 1
    return changed


def _announce(
    uow: HouseholdsUnitOfWork, case: CaseRef, assessed: Assessment, now: datetime, actor: str
) -> None:
    uow.audit.record(
        object_type="household",
        object_id=case.id,
        area_code=case.village_code,
        action="risk_changed",
        actor_id=actor,
        at=now,
        changed={"risk_level": [case.level, assessed.level]},
        reason=", ".join(assessed.signals) or None,
    )
    data = {
        "household_id": case.id,
        "village_code": case.village_code,
        "team_id": case.team_id,
        "level": assessed.level,
        "previous_level": case.level,
        "signals": list(assessed.signals),
        "assessed_at": now,
    }
    if raised_to_escalation(case.level, assessed.level):
        uow.emit(CASE_RISK_RAISED, data)
    elif fell_from_escalation(case.level, assessed.level):
        uow.emit(CASE_RISK_LOWERED, data)
