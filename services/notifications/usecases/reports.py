"""The notifications' part of the escalations report (contract: gateway/reports/__init__.py)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from statistics import median
from typing import Any

from infra.caller import Caller
from infra.fiscal import fiscal_year_span
from infra.reports import report_scope
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.db.reports import EscalationWindow
from services.notifications.usecases.commands import EscalationsReportQuery
from services.notifications.vocabulary import KINDS


def escalations_report(
    uow: NotificationsUnitOfWork, caller: Caller, query: EscalationsReportQuery
) -> dict[str, Any]:
    """Counts per child area, and the median hours to acknowledge and to resolve per row and
    over all rows (a median of medians is not the median, so the totals come from here)."""
    scope = report_scope(caller, query.area, query.rows)
    start, end = fiscal_year_span(query.fiscal_year)
    window = EscalationWindow(scope.area, scope.parts, scope.key_length, start, end)
    rows: dict[str, dict[str, Any]] = defaultdict(dict)
    with uow:
        for found in uow.reports.counts(window, KINDS):
            rows[found.key].update(
                {k: int(v or 0) for k, v in found._asdict().items() if k != "key"}
            )
        times = uow.reports.answer_times(window)
    waits: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for found in times:
        for name, moment in (
            ("acknowledge", found.acknowledged_at),
            ("resolve", found.resolved_at),
        ):
            if moment is not None:
                hours = _hours(found.opened_at, moment)
                waits[found.key][name].append(hours)
                waits["*"][name].append(hours)
    for key, row in rows.items():
        row.update(_medians(waits.get(key, {})))
    return {
        "rows": [{"key": key, **row} for key, row in sorted(rows.items())],
        "totals": _medians(waits.get("*", {})),
    }


def _hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def _medians(waits: dict[str, list[float]]) -> dict[str, float | None]:
    return {
        f"median_hours_to_{name}": round(median(waits[name]), 2) if waits.get(name) else None
        for name in ("acknowledge", "resolve")
    }
