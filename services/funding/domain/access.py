"""Funding access: a household's plan asks for a loan; the request goes to a savings group in
its area, whose committee accepts the household as a member (access granted) or declines it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from infra.errors import Conflict
from services.funding.domain.areas import closeness

NO_GROUP_IN_AREA = "no savings group in the household's district"


class RequestStatus(StrEnum):
    PENDING = "pending"  # routed to a group, waiting for its committee
    GRANTED = "granted"  # the household is a member of the group
    DECLINED = "declined"


@dataclass(frozen=True)
class Applicant:
    household_id: str
    intervention_id: str
    village_code: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class Need:
    amount: Decimal
    purpose: str
    term_months: int


@dataclass
class FundingRequest:
    applicant: Applicant
    need: Need
    requested_at: datetime
    received_at: datetime
    status: RequestStatus = RequestStatus.PENDING
    group_id: str | None = None
    member_id: str | None = None
    loan_id: str | None = None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    def route(self, group_id: str | None, now: datetime, by: str = "system") -> None:
        if group_id is None:
            self.decline(NO_GROUP_IN_AREA, by, now)
        else:
            self.group_id = group_id

    def grant(self, group_id: str, member_id: str, by: str, now: datetime) -> None:
        self._require_pending()
        self.status, self.group_id, self.member_id = RequestStatus.GRANTED, group_id, member_id
        self._decided(by, now)

    def decline(self, reason: str, by: str, now: datetime) -> None:
        self._require_pending()
        self.status, self.reason = RequestStatus.DECLINED, reason
        self._decided(by, now)

    def _require_pending(self) -> None:
        if self.status is not RequestStatus.PENDING:
            raise Conflict(f"the request is already {self.status}", allowed=[])

    def _decided(self, by: str, now: datetime) -> None:
        self.decided_by, self.decided_at = by, now
        self.version += 1


def choose_group(village_code: str, groups: Iterable[tuple[str, str]]) -> str | None:
    """The nearest group (same village, then tambon, then district) among (id, village_code)
    pairs given oldest first; None when no group is in the household's district."""
    best, best_closeness = None, 0
    for group_id, group_village in groups:
        near = closeness(village_code, group_village)
        if near > best_closeness:
            best, best_closeness = group_id, near
    return best
