"""A group member: their savings (เงินสัจจะ), optionally a household of the case registry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from infra.errors import Conflict, FieldError
from services.funding.domain.money import ZERO


class MemberStatus(StrEnum):
    ACTIVE = "active"
    LEFT = "left"


@dataclass
class Member:
    group_id: str
    member_no: int
    first_name: str
    last_name: str
    joined_on: date
    created_at: datetime
    household_id: str | None = None
    person_id: str | None = None  # the member's own user id, when they have one
    status: MemberStatus = MemberStatus.ACTIVE
    savings: Decimal = ZERO
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    def require_active(self) -> None:
        if self.status is not MemberStatus.ACTIVE:
            message = "the member has left the group"
            raise Conflict(message, [FieldError("member_id", message)], allowed=[])
