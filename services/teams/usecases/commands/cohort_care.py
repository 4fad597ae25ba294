"""Commands around a cohort: willingness, follow-ups and results after training."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class RecordWillingness:
    willing: bool
    asked_on: date
    asked_by: str | None = None  # None: the person recording


@dataclass(frozen=True)
class PlanFollowUp:
    phase: str
    planned_on: date
    done_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class FollowUpDone:
    done_on: date
    note: str | None = None


@dataclass(frozen=True)
class RecordResult:
    household_id: str
    months: int
    occupation: str
    income_earned_thb: Decimal
    costs_cut_thb: Decimal
