"""Commands of sub-district community plans."""

from __future__ import annotations

from dataclasses import dataclass

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class RecordCommunityPlan:
    tambon_code: str
    fiscal_year: int
    livelihood_development: bool
    adopted_by_local_government: bool
    note: str = ""


@dataclass(frozen=True)
class ChangeCommunityPlan:  # None: unchanged
    livelihood_development: bool | None = None
    adopted_by_local_government: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class ListCommunityPlans(PageQuery):
    area: str | None = None  # a village narrows to its sub-district's plan
    fiscal_year: int | None = None
