"""Commands of the model household selection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ModelHouseholdKey:
    district_code: str
    fiscal_year: int


@dataclass(frozen=True)
class SelectModelHousehold:
    household_id: str
    selected_on: date
    note: str = ""
