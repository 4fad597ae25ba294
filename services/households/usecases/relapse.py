"""What a BMN survey of known households changes beyond their figures (issue 16): a graduated
household found poor again is flagged as relapsed, and every case's risk is reassessed (the
failed indicators may have grown since the survey year before). Runs in an import batch's
transaction, set-based: a few statements per batch whatever its size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from infra.caller import Caller
from infra.fiscal import fiscal_year_span
from infra.reports import report_scope
from services.households.db import HouseholdsUnitOfWork
from services.households.db.reports import CasesFilter
from services.households.db.risk import Graduate
from services.households.domain.relapse import relapsed
from services.households.domain.targeting import income_per_person, threshold_for
from services.households.risk_events import HOUSEHOLD_RELAPSED
from services.households.settings import Settings
from services.households.usecases.commands import CasesReport
from services.households.usecases.queries import reach_of
from services.households.usecases.risk import reassess

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


def surveyed(
    uow: HouseholdsUnitOfWork,
    household_ids: Sequence[str],
    survey_year: int,
    import_id: str | None,
    settings: Settings,
    now: datetime,
) -> int:
    """Flag relapses among these households (just given `survey_year`'s figures), reassess their
    cases; returns the relapses flagged."""
    if not household_ids:
        return 0
    threshold = threshold_for(settings.income_thresholds_thb, survey_year)
    flagged = 0
    for graduate in uow.risks.graduates(household_ids, survey_year):
        income = income_per_person(graduate.annual_income_thb, graduate.size)
        if relapsed(graduate.graduated_at.year, survey_year, income, threshold):
            flagged += _flag(uow, graduate, survey_year, import_id, now)
    reassess(uow, household_ids, settings, now)
    return flagged


def _flag(
    uow: HouseholdsUnitOfWork,
    graduate: Graduate,
    survey_year: int,
    import_id: str | None,
    now: datetime,
) -> int:
    row = {
        "household_id": graduate.id,
        "survey_year": survey_year,
        "graduation_year": graduate.graduated_at.year,
        "graduated_at": graduate.graduated_at,
        "village_code": graduate.village_code,
        "import_id": import_id,
        "flagged_at": now,
    }
    if not uow.risks.flag_relapse(row):
        return 0
    uow.audit.record(
        object_type="household",
        object_id=graduate.id,
        area_code=graduate.village_code,
        action="relapsed",
        actor_id="system",
        at=now,
        changed={"relapsed_in_survey_year": [None, survey_year]},
        reason=f"BMN {survey_year} below the income threshold",
    )
    announced = ("household_id", "village_code", "graduation_year", "survey_year", "import_id")
    uow.emit(
        HOUSEHOLD_RELAPSED,
        {**{k: row[k] for k in announced}, "team_id": graduate.team_id, "flagged_at": now},
    )
    return 1


GRADUATION_COLUMNS = (
    ("graduated_in_year", 0),
    ("graduated_year_before", 1),
    ("graduated_two_years_before", 2),
)


def relapses_report(
    uow: HouseholdsUnitOfWork, caller: Caller, query: CasesReport, today: date
) -> dict[str, Any]:
    """Relapses flagged by the end of the fiscal year, per child area, by the fiscal year the
    household graduated in: that year, the two before, and earlier (report contract:
    gateway/reports/__init__.py)."""
    scope = report_scope(caller, query.area, query.rows)
    start, end = fiscal_year_span(query.fiscal_year)
    wanted = CasesFilter(
        reach_of(caller), scope.key_length, today, start, end, area=scope.area, parts=scope.parts
    )
    spans = {key: fiscal_year_span(query.fiscal_year - back) for key, back in GRADUATION_COLUMNS}
    spans["graduated_earlier"] = (EARLIEST, spans["graduated_two_years_before"][0])
    with uow:
        found = uow.relapse_report.relapses(wanted, spans)
    return {"rows": [{k: v for k, v in row._asdict().items()} for row in found]}
