"""Commands of the teams service's reports (contract: gateway/reports/__init__.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportQuery:
    area: str
    fiscal_year: int
    rows: str | None = None  # the level of the rows; None: the next level down


@dataclass(frozen=True)
class TeamReportQuery:
    team: str  # a team's id
    fiscal_year: int
