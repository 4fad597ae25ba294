"""The model household (ครัวเรือนสัมมาชีพตัวอย่าง, seed 004): one per district and fiscal year,
selected by the district women's development committee (กพสอ.) from the households that finished
a Sammachip training in the district. Selecting again replaces the choice (a new version)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from infra.errors import Conflict, FieldError, ValidationFailed


@dataclass(frozen=True)
class ModelHousehold:
    district_code: str
    fiscal_year: int
    household_id: str
    organisation_id: str  # the district's women's development committee
    selected_on: date
    note: str
    selected_by: str
    selected_at: datetime
    version: int = 1

    def reselected(self, chosen: ModelHousehold) -> ModelHousehold:
        return replace(chosen, version=self.version + 1)


def check_selection(trained_in_district: bool, committee: str | None) -> str:
    """The committee's id, when it exists and the household trained in the district."""
    if committee is None:
        raise Conflict(
            "the district's women's development committee is not registered",
            [FieldError("district_code", "no women's development committee")],
        )
    if not trained_in_district:
        raise ValidationFailed.on("household_id", "not a household trained in this district")
    return committee
