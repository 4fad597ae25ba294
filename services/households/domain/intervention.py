"""Interventions (manage, D3.3): what carries out the plan, each with an owner and a status."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from infra.errors import Conflict
from services.households.vocabulary import Kind, Status

CLOSED = frozenset({Status.DONE, Status.REJECTED})
NEXT: dict[Status, tuple[Status, ...]] = {
    Status.REQUESTED: (Status.ACCEPTED, Status.IN_PROGRESS, Status.DONE, Status.REJECTED),
    Status.ACCEPTED: (Status.IN_PROGRESS, Status.DONE, Status.REJECTED),
    Status.IN_PROGRESS: (Status.DONE, Status.REJECTED),
    Status.DONE: (),
    Status.REJECTED: (),
}


@dataclass(frozen=True)
class FundingRequest:
    amount_thb: Decimal
    purpose: str
    term_months: int


@dataclass
class Intervention:
    household_id: str
    kind: Kind
    owner: str
    description: str
    requested_by: str
    requested_at: datetime
    agency: str | None = None
    funding: FundingRequest | None = None
    status: Status = Status.REQUESTED
    outcome: str | None = None
    changed_at: datetime | None = None
    loan_id: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED

    def change(self, status: Status, outcome: str | None, at: datetime) -> bool:
        """Move to `status` (guarded); False when it is already there (a repeated report)."""
        if status is self.status:
            if outcome:
                self.outcome = outcome
            return False
        if status not in NEXT[self.status]:
            raise Conflict(
                f"a {self.status.value} intervention cannot become {status.value}",
                allowed=[s.value for s in NEXT[self.status]],
                current_status=self.status.value,
            )
        self.status, self.changed_at = status, at
        if outcome:
            self.outcome = outcome
        return True
