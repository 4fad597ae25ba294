"""Commands of Sammachip fiscal-year targets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TargetKey:
    area_code: str  # a province or a district
    fiscal_year: int


@dataclass(frozen=True)
class SetTargets:
    values: dict[str, int | None]  # by metric (schemas/targets.py: TargetsIn), as given
