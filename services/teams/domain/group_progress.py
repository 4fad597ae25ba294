"""What an occupation group became after training (D5): a community product (OTOP) when it has one,
and periodic reports of its income and whether it still operates.

Reports are monthly: `period` is the first day of the month. Calendar months (and so quarters)
never straddle two fiscal years, so every report counts in exactly one fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from infra.errors import FieldError, ValidationFailed
from services.teams.vocabulary import OTOP_CATEGORIES

# The five OTOP product categories of the Community Development Department.
STARS = range(1, 6)  # OTOP Product Champion rating: 1 to 5 stars


@dataclass(frozen=True)
class OtopProduct:
    name: str
    category: str
    stars: int | None  # None: not rated yet
    recorded_at: datetime  # when the group was first known to have its product

    @classmethod
    def record(
        cls, name: str, category: str, stars: int | None, earlier: OtopProduct | None, now: datetime
    ) -> OtopProduct:
        problems = [] if name.strip() else [FieldError("name", "must not be blank")]
        if category not in OTOP_CATEGORIES:
            problems.append(FieldError("category", f"one of {', '.join(OTOP_CATEGORIES)}"))
        if stars is not None and stars not in STARS:
            problems.append(FieldError("stars", "from 1 to 5 stars, or null when not rated"))
        if problems:
            raise ValidationFailed("the OTOP product cannot be recorded as given", problems)
        since = earlier.recorded_at if earlier else now
        return cls(name.strip(), category, stars, since)


@dataclass(frozen=True)
class GroupReport:
    group_id: str
    village_code: str
    period: date
    operating: bool
    income: Decimal
    note: str
    reported_by: str
    reported_at: datetime
    version: int = 1

    @property
    def operating_with_income(self) -> bool:
        return self.operating and self.income > 0

    def replaced(
        self, operating: bool, income: Decimal, note: str, by: str, now: datetime
    ) -> GroupReport:
        return replace(
            self,
            operating=operating,
            income=income,
            note=note or "",
            reported_by=by,
            reported_at=now,
            version=self.version + 1,
        )
