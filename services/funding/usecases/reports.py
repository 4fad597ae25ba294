"""The funding service's part of the savings-and-loans report (gateway/reports/__init__.py)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.fiscal import fiscal_year_days, fiscal_year_span
from infra.money import from_satang
from infra.reports import report_scope
from services.funding.db import FundingUnitOfWork
from services.funding.db.reports import FundingWindow
from services.funding.domain.money import bangkok_date
from services.funding.usecases.commands import SavingsReport

COUNTS = ("groups", "members", "loans_outstanding", "loans_in_arrears", "loans_written_off")


def savings_report(
    uow: FundingUnitOfWork, caller: Caller, query: SavingsReport, now: datetime
) -> dict[str, Any]:
    """Per child area: counts as integers, money as baht strings ("1234.50")."""
    scope = report_scope(caller, query.area, query.rows)
    year = query.fiscal_year
    window = FundingWindow(caller, scope.area, scope.parts, scope.key_length, bangkok_date(now),
                           fiscal_year_days(year), fiscal_year_span(year))  # fmt: skip
    rows: dict[str, dict[str, Any]] = defaultdict(dict)
    with uow:
        for found in uow.reports.figures(window):
            rows[found.key].update(_figures(found._asdict()))
        for found in uow.reports.requests_by_outcome(window):
            rows[found.key][f"requests_{found.status}"] = int(found.n)
    return {"rows": [{"key": key, **row} for key, row in sorted(rows.items())]}


def _figures(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: int(value) if name in COUNTS else str(from_satang(int(value)))
        for name, value in values.items()
        if name != "key"
    }
