"""What the use cases share: the posting day and finding objects within reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from infra.caller import Caller
from infra.errors import NotFound, ValidationFailed
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
