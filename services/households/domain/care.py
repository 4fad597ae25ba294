"""Care (D3.4): visits, falling income, and when a household graduates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

GRADUATION_ASSESSMENTS = 2


@dataclass(frozen=True)
class Visit:
    household_id: str
    visited_at: datetime
    visited_by: str
    recorded_at: datetime
    notes: str
    wellbeing: int
    annual_income_thb: Decimal | None = None
    income_per_person_thb: Decimal | None = None
    problems: tuple[str, ...] = ()
    client_key: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


def income_fell(previous_pp: Decimal | None, current_pp: Decimal | None) -> bool:
    return previous_pp is not None and current_pp is not None and current_pp < previous_pp


def graduates(
    recent_incomes_pp: list[Decimal], threshold_thb: Decimal, open_interventions: int
) -> bool:
    """At or above the threshold on the last two assessments, and no intervention open.

    `recent_incomes_pp` holds the latest assessments' income per person, newest first.
    """
    latest = recent_incomes_pp[:GRADUATION_ASSESSMENTS]
    return (
        open_interventions == 0
        and len(latest) == GRADUATION_ASSESSMENTS
        and all(income >= threshold_thb for income in latest)
    )
