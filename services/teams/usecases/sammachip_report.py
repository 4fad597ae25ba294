"""The teams service's Sammachip report (seed 000's table; contract: gateway/reports/__init__.py)
for an area and fiscal year, scoped to the caller's reach: a caller whose areas lie inside the area
asked for gets their part (the child areas they touch, counted inside their own areas, without
targets they do not cover); an area they do not touch is not found."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.errors import Forbidden
from infra.fiscal import first_day, fiscal_year_span, last_day
from infra.reports import ReportScope, report_scope
from services.teams.db import TeamsUnitOfWork
from services.teams.db.sammachip_report import Scope
from services.teams.domain import policy
from services.teams.domain.sammachip_report import (
    row_areas,
    rows,
    target_row,
    target_totals,
    touched,
)
from services.teams.usecases.commands.reports import ReportQuery


def sammachip_report(uow: TeamsUnitOfWork, caller: Caller, query: ReportQuery) -> dict[str, Any]:
    """`{"rows": [{"key": child area, "<metric>_target": n | None, "<metric>_achieved": n}],
    "totals": {"<metric>_target": n | None}}`: achieved counts are totalled by the gateway, the
    targets (a `number` column) here, since a province's target is not the sum of its districts'."""
    if not caller.has_role(*policy.AREA_READERS):
        raise Forbidden("reports are for supervisors, coordinators, experts and administrators")
    scope = report_scope(caller, query.area, query.rows)
    area, year = scope.area, query.fiscal_year
    children = touched(row_areas(area, scope.key_length), scope.parts)
    with uow:
        counted_in = _counted_in(caller, scope, year)
        counts = uow.sammachip_counts.all(counted_in)
        outcomes = uow.sammachip_outcomes.by_area(counted_in)
        targets = uow.targets.of_year([area, *children], year)
    own = targets.pop(area, None) if caller.covers(area) else None
    covered = {code: t for code, t in targets.items() if caller.covers(code)}
    table = [{**r, **outcomes.get(str(r["key"]), {})} for r in rows(children, counts, covered)]
    return {"rows": table, "totals": target_totals(table, target_row(own))}


def _counted_in(caller: Caller, scope: ReportScope, year: int) -> Scope:
    start, end = fiscal_year_span(year)
    return Scope(
        area=scope.area,
        reach=None if caller.covers(scope.area) else scope.parts,
        child_length=scope.key_length,
        start=start,
        end=end,
        first=first_day(year),
        last=last_day(year),
        fiscal_year=year,
    )
