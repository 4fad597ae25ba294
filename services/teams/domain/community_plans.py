"""Sub-district community plans (แผนชุมชนระดับตำบล, seeds 000 and 004): one per tambon and fiscal
year, recording whether livelihood development is in it (seed 000 counts the plans "used for
livelihood development") and whether the local government adopted it into its own plans (the
district coordination committee's work, seed 004)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

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

    def changed(self, changes: dict[str, Any], by: str, now: datetime) -> CommunityPlan:
        given = {k: v for k, v in changes.items() if k in (*FLAGS, "note") and v is not None}
        return replace(self, **given, recorded_by=by, recorded_at=now, version=self.version + 1)
