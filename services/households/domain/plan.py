"""The household plan (compass, D3.2): draft -> submitted -> approved or returned.

Approving freezes a plan version; a later edit opens a new draft (the next version) from it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from infra.errors import Conflict


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


EDITABLE = (PlanStatus.DRAFT, PlanStatus.RETURNED)


@dataclass(frozen=True)
class Goal:
    capital: str
    description: str
    baseline: str
    target: str


@dataclass(frozen=True)
class SupportRequest:
    kind: str
    description: str
    amount_thb: Decimal | None = None


@dataclass
class Plan:
    household_id: str
    number: int  # the plan version (1, 2, ...): approving freezes it
    created_by: str
    created_at: datetime
    problems: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    livelihood: str | None = None
    requested_support: list[SupportRequest] = field(default_factory=list)
    status: PlanStatus = PlanStatus.DRAFT
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1  # optimistic lock of this plan row

    def edit(self, content: dict[str, Any]) -> None:
        self._require(EDITABLE, "edited")
        for name, value in content.items():
            setattr(self, name, value)
        self.status = PlanStatus.DRAFT

    def submit(self, by: str, at: datetime) -> None:
        self._require(EDITABLE, "submitted")
        if not self.goals:
            raise Conflict("a plan needs at least one goal before it is submitted", allowed=[])
        self.status, self.submitted_by, self.submitted_at = PlanStatus.SUBMITTED, by, at
        self.decided_by = self.decided_at = self.decision_reason = None

    def approve(self, by: str, at: datetime) -> None:
        self._require((PlanStatus.SUBMITTED,), "approved")
        self.status, self.decided_by, self.decided_at = PlanStatus.APPROVED, by, at

    def return_(self, by: str, reason: str, at: datetime) -> None:
        self._require((PlanStatus.SUBMITTED,), "returned")
        self.status, self.decided_by, self.decided_at = PlanStatus.RETURNED, by, at
        self.decision_reason = reason

    def next_draft(self, by: str, at: datetime) -> Plan:
        """A new draft version starting from this approved plan's content."""
        return replace(
            self,
            number=self.number + 1,
            created_by=by,
            created_at=at,
            status=PlanStatus.DRAFT,
            submitted_by=None,
            submitted_at=None,
            decided_by=None,
            decided_at=None,
            decision_reason=None,
            id=str(uuid.uuid4()),
            version=1,
        )

    def _require(self, statuses: tuple[PlanStatus, ...], doing: str) -> None:
        if self.status not in statuses:
            raise Conflict(
                f"a {self.status.value} plan cannot be {doing}",
                allowed=[s.value for s in _NEXT[self.status]],
                current_status=self.status.value,
            )


_NEXT: dict[PlanStatus, tuple[PlanStatus, ...]] = {
    PlanStatus.DRAFT: (PlanStatus.SUBMITTED,),
    PlanStatus.RETURNED: (PlanStatus.DRAFT, PlanStatus.SUBMITTED),
    PlanStatus.SUBMITTED: (PlanStatus.APPROVED, PlanStatus.RETURNED),
    PlanStatus.APPROVED: (),
}
