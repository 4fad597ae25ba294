"""Sammachip fiscal-year targets (D5, seed 000) of a province, or of one of its districts.

A target per metric of the Sammachip table, each optional (None: no target set). The stretch goal
"registered groups in 50% of villages" is stored as a count of villages (62 of 123, as seed 000
writes it); it may be given as a percentage of the target villages and is then rounded up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime

from infra.errors import FieldError, ValidationFailed
from services.teams.vocabulary import MAX_TARGET, METRICS, PERCENT_FIELD


@dataclass(frozen=True)
class Targets:
    area_code: str
    fiscal_year: int
    values: dict[str, int | None]
    set_by: str
    set_at: datetime
    version: int = 1

    @classmethod
    def set(
        cls, area_code: str, fiscal_year: int, given: dict[str, int | None], by: str, now: datetime
    ) -> Targets:
        return cls(area_code, fiscal_year, target_values(given), by, now)

    def replaced(self, given: dict[str, int | None], by: str, now: datetime) -> Targets:
        values = target_values(given)
        return replace(self, values=values, set_by=by, set_at=now, version=self.version + 1)


def target_values(given: dict[str, int | None]) -> dict[str, int | None]:
    """Every metric's target (None where none is given), the percentage turned into a count."""
    values = {metric: given.get(metric) for metric in METRICS}
    problems = [
        FieldError(metric, f"a whole number from 0 to {MAX_TARGET:,}")
        for metric, value in values.items()
        if value is not None and not 0 <= value <= MAX_TARGET
    ]
    percent = given.get(PERCENT_FIELD)
    if percent is not None:
        problems += _percent_problems(percent, values)
        if not problems:
            villages = values["villages_with_trainer_team"] or 0
            values["villages_with_registered_group"] = math.ceil(percent * villages / 100)
    if not problems:
        problems = _consistency_problems(values)
    if problems:
        raise ValidationFailed("the targets cannot be set as given", problems)
    return values


def _percent_problems(percent: int, values: dict[str, int | None]) -> list[FieldError]:
    if not 0 <= percent <= 100:
        return [FieldError(PERCENT_FIELD, "a percentage from 0 to 100")]
    if values["villages_with_registered_group"] is not None:
        return [FieldError(PERCENT_FIELD, "give the villages as a count or a percentage, not both")]
    if values["villages_with_trainer_team"] is None:
        return [FieldError(PERCENT_FIELD, "a percentage needs villages_with_trainer_team")]
    return []


def _consistency_problems(values: dict[str, int | None]) -> list[FieldError]:
    villages = values["villages_with_trainer_team"]
    registered = values["villages_with_registered_group"]
    if villages is not None and registered is not None and registered > villages:
        return [FieldError("villages_with_registered_group", "more than the target villages")]
    return []
