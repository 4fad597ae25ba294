"""The households' part of the cases report, for the caller's reach of an area and a year."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from infra.caller import Caller
from infra.fiscal import fiscal_year_span
from infra.reports import report_scope
from services.households.db import HouseholdsUnitOfWork
from services.households.db.reports import VILLAGE_KEY, CasesFilter
from services.households.usecases.commands import CasesReport, TeamCasesReport
from services.households.usecases.queries import reach_of
from services.households.vocabulary import Stage

OPEN_STAGES = (Stage.TARGET, Stage.COMPASS, Stage.MANAGE, Stage.CARE)
EVERY_STAGE = ("targeted", "consented", "declined", "overdue_visits")
Rows = dict[str, dict[str, int]]


def cases_report(
    uow: HouseholdsUnitOfWork, caller: Caller, query: CasesReport, today: date
) -> dict[str, Any]:
    """`{"rows": [{"key": child area, column: count, ...}]}` (gateway/reports/__init__.py)."""
    scope = report_scope(caller, query.area, query.rows)
    start, end = fiscal_year_span(query.fiscal_year)
    reach, rows = reach_of(caller), scope.key_length
    wanted = CasesFilter(reach, rows, today, start, end, area=scope.area, parts=scope.parts)
    return _counted(uow, wanted)


def team_cases_report(
    uow: HouseholdsUnitOfWork, caller: Caller, query: TeamCasesReport, today: date
) -> dict[str, Any]:
    """A team's households a row per village, only those the caller may list (the households
    list filtered by `team_id` shows the same); whether the caller may read the team at all the
    teams service says, which the gateway asks first."""
    start, end = fiscal_year_span(query.fiscal_year)
    wanted = CasesFilter(reach_of(caller), VILLAGE_KEY, today, start, end, team_id=query.team)
    return _counted(uow, wanted)


def _counted(uow: HouseholdsUnitOfWork, wanted: CasesFilter) -> dict[str, Any]:
    rows: Rows = defaultdict(lambda: defaultdict(int))
    with uow:
        _add_households(rows, uow.reports.households(wanted))
        for found in uow.reports.graduations_and_plans_waiting(wanted):
            rows[found.key].update({k: int(v) for k, v in found._asdict().items() if k != "key"})
        for found in uow.reports.interventions(wanted):
            rows[found.key][f"interventions_{found.kind}"] += found.n
            rows[found.key][f"interventions_{found.status}"] += found.n
    return {"rows": [{"key": key, **counts} for key, counts in sorted(rows.items())]}


def _add_households(rows: Rows, per_stage: list[Any]) -> None:
    """Rows come per (area, stage); flags that mean something in some stages count there only,
    and a duplicate merged into another household counts only as merged."""
    for found in per_stage:
        row, stage = rows[found.key], found.stage
        row[f"stage_{stage}"] += found.households
        if stage == Stage.MERGED:
            continue  # a duplicate: the household it merged into counts
        row["registered"] += found.households
        for flag in EVERY_STAGE:
            row[flag] += getattr(found, flag)
        if stage == Stage.GRADUATED:
            row["in_monitoring"] += found.monitored
        if stage in OPEN_STAGES:
            row["without_team"] += found.without_team
