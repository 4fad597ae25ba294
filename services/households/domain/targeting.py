"""Targeting (D3.1): who is poor, who is a target, and in which order teams should reach them.

Income per person per year = annual household income / household size, compared with the BMN
income threshold of the survey year (configuration). Priority: households failing the income
criterion first, then more failed BMN indicators, then lower income per person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from infra.errors import ValidationFailed

CENT = Decimal("0.01")
MAX_INDICATORS = 99
# priority_rank packs the order into one sortable integer (one index, one keyset key).
_INCOME_SPAN = 10**13  # satang per person; far above any real household income
_INDICATOR_SPAN = MAX_INDICATORS + 1


def income_per_person(annual_income_thb: Decimal, size: int) -> Decimal:
    return (annual_income_thb / size).quantize(CENT, rounding=ROUND_HALF_EVEN)


def threshold_for(thresholds: Mapping[int, Decimal], survey_year: int) -> Decimal:
    """The threshold of the latest configured year not after `survey_year`."""
    years = [year for year in thresholds if year <= survey_year]
    if not years:
        raise ValidationFailed.on("survey_year", "no BMN income threshold is configured for it")
    return thresholds[max(years)]


@dataclass(frozen=True)
class Assessment:
    """One household's BMN result for a survey year, judged against that year's threshold."""

    survey_year: int
    income_per_person_thb: Decimal
    failed_indicators: int
    threshold_thb: Decimal

    @property
    def fails_income(self) -> bool:
        return self.income_per_person_thb < self.threshold_thb

    @property
    def is_target(self) -> bool:
        """Poor by income, or failing at least one other BMN indicator."""
        return self.fails_income or self.failed_indicators > 0

    @property
    def priority_rank(self) -> int:
        return priority_rank(self.fails_income, self.failed_indicators, self.income_per_person_thb)


def priority_rank(fails_income: bool, failed_indicators: int, income_pp_thb: Decimal) -> int:
    """Smaller comes first: (fails income, more failed indicators, lower income per person)."""
    income_class = 0 if fails_income else 1
    indicators = MAX_INDICATORS - min(failed_indicators, MAX_INDICATORS)
    satang = min(int(income_pp_thb * 100), _INCOME_SPAN - 1)
    return (income_class * _INDICATOR_SPAN + indicators) * _INCOME_SPAN + satang
