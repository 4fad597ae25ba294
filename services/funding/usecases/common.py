"""What the use cases share: the posting day, finding objects within reach, and
client keys that make resendable commands idempotent."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from infra.caller import Caller
from infra.errors import Conflict, FieldError, NotFound, ValidationFailed
from services.funding.db import FundingUnitOfWork
from services.funding.domain.group import Group
from services.funding.domain.loan import Loan
from services.funding.domain.member import Member
from services.funding.domain.money import bangkok_date
from services.funding.domain.policy import Reach, require_group
from services.funding.settings import Settings

T = TypeVar("T")


@dataclass(frozen=True)
class Seen(Generic[T]):
    """An object as a caller sees it: with whether they may also record on it."""

    item: T
    may_record: bool


def posting_day(on: date | None, now: datetime, settings: Settings, field: str = "on") -> date:
    """The day a movement is booked on: today (Bangkok) unless a recent past day is given."""
    today = bangkok_date(now)
    day = on or today
    if day > today:
        raise ValidationFailed.on(field, "is in the future")
    if (today - day).days > settings.max_backdate_days:
        raise ValidationFailed.on(field, f"is more than {settings.max_backdate_days} days ago")
    return day


def group_within(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, reach: Reach, *, lock: bool = False
) -> Group:
    group = uow.groups.lock(group_id) if lock else uow.groups.get(group_id)
    return require_group(caller, group, reach, f"group {group_id}")


def member_within(
    uow: FundingUnitOfWork, caller: Caller, member_id: str, reach: Reach, *, lock: bool = False
) -> tuple[Group, Member]:
    """The member and their group; with `lock`, read again once the group is locked."""
    member = uow.members.get(member_id)
    what = f"member {member_id}"
    group = require_group(caller, _group_of(uow, member, lock), reach, what)
    member = uow.members.get(member_id) if lock else member
    if member is None:
        raise NotFound(f"{what} not found")
    return group, member


def loan_within(
    uow: FundingUnitOfWork, caller: Caller, loan_id: str, reach: Reach, *, lock: bool = False
) -> tuple[Group, Loan]:
    loan = uow.loans.get(loan_id)
    what = f"loan {loan_id}"
    group = require_group(caller, _group_of(uow, loan, lock), reach, what)
    loan = uow.loans.get(loan_id) if lock else loan
    if loan is None:
        raise NotFound(f"{what} not found")
    return group, loan


def _group_of(uow: FundingUnitOfWork, owned: Member | Loan | None, lock: bool) -> Group | None:
    if owned is None:
        return None
    return uow.groups.lock(owned.group_id) if lock else uow.groups.get(owned.group_id)


class ClientKey:
    """A resendable command's key: a resend with the same key gets the first answer again.

    The first answer is stored as the caller received it, in the transaction of the change, so a
    use case of a resendable command is given the entrypoint's `render` and answers with it."""

    def __init__(self, command: str, target_id: str, payload: dict[str, Any]) -> None:
        self.command = command
        self.key: str | None = payload.get("client_key")
        body = {k: v for k, v in payload.items() if k != "client_key"}
        canonical = json.dumps([command, target_id, body], sort_keys=True, default=str)
        self.fingerprint = hashlib.sha256(canonical.encode()).hexdigest()

    def answered(self, uow: FundingUnitOfWork, group_id: str) -> Any | None:
        if self.key is None:
            return None
        stored = uow.client_requests.get(group_id, self.key)
        if stored is None:
            return None
        command, fingerprint, answer = stored
        if (command, fingerprint) != (self.command, self.fingerprint):
            raise Conflict(
                "this client key was already used for a different request",
                [FieldError("client_key", "already used for a different request")],
            )
        return answer

    def remember(self, uow: FundingUnitOfWork, group_id: str, answer: Any, now: datetime) -> Any:
        if self.key is not None:
            uow.client_requests.add(group_id, self.key, self.command, self.fingerprint, answer, now)
        return answer
