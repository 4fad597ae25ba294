"""Commands of what occupation groups became: an OTOP product, monthly reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class RecordOtopProduct:
    name: str
    category: str
    stars: int | None = None


@dataclass(frozen=True)
class ReportGroup:
    period: date  # the first day of the month
    operating: bool
    income_thb: Decimal
    note: str = ""


@dataclass(frozen=True)
class ListGroupReports(PageQuery):
    pass
