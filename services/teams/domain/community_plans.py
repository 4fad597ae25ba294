"""Sub-district community plans (แผนชุมชนระดับตำบล, seeds 000 and 004): one per tambon and fiscal
year, recording whether livelihood development is in it (seed 000 counts the plans "used for
livelihood development") and whether the local government adopted it into its own plans (the
district coordination committee's work, seed 004)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime

FLAGS = ("livelihood_development", "adopted_by_local_government")


@dataclass(frozen=True)
class CommunityPlan:
    tambon_code: str
    fiscal_year: int
    livelihood_development: bool
    adopted_by_local_government: bool
    note: str
    recorded_by: str
    recorded_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @property
    def used(self) -> bool:
        """Counted in the Sammachip table: the plan is used for livelihood development."""
        return self.livelihood_development

    def changed(
        self,
        livelihood_development: bool | None,
        adopted_by_local_government: bool | None,
        note: str | None,
        by: str,
        now: datetime,
    ) -> CommunityPlan:
        """The plan with the values given (None leaves one as it was)."""
        values = (livelihood_development, adopted_by_local_government, note)
        given = {k: v for k, v in zip((*FLAGS, "note"), values, strict=True) if v is not None}
        return replace(self, **given, recorded_by=by, recorded_at=now, version=self.version + 1)
