"""Relapse (issue 16): a graduated household found below the income threshold in the BMN survey
of a year after the one it graduated in."""

from __future__ import annotations

from decimal import Decimal


def relapsed(
    graduation_year: int | None,
    survey_year: int,
    income_per_person_thb: Decimal,
    threshold_thb: Decimal,
) -> bool:
    return (
        graduation_year is not None
        and survey_year > graduation_year
        and income_per_person_thb < threshold_thb
    )
