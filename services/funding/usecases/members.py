"""Members and their savings: join, read, list, deposit, withdraw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import Conflict, FieldError
from infra.pagination import Page
from services.funding.db import FundingUnitOfWork
from services.funding.db.queries import PageQuery
from services.funding.domain import fund
from services.funding.domain.group import Group
from services.funding.domain.ledger import Entry, Posting
from services.funding.domain.member import Member
from services.funding.domain.money import ZERO, bangkok_date
from services.funding.domain.policy import Reach
from services.funding.settings import Settings
from services.funding.usecases.audit import MEMBER, VALUES, record
from services.funding.usecases.commands import AddMember, MoveMoney, fingerprinted
from services.funding.usecases.common import (
    group_within,
    member_within,
    posting_day,
)

ALREADY_A_MEMBER = "this household is already an active member of a group"
RenderMovement = Callable[[Entry, Member], Any]


def add_member(
    uow: FundingUnitOfWork,
    caller: Caller,
    group_id: str,
    command: AddMember,
    now: datetime,
    render: Callable[[Member], Any],
) -> Any:
    key = ClientKey("add_member", group_id, fingerprinted(command))
    with uow:
        group = group_within(uow, caller, group_id, Reach.RECORD, lock=True)
        if (answer := key.answered(uow.client_requests, group.id)) is not None:
            return answer
        member = enrol(uow, group, command, now, caller.person_id)
        answer = key.remember(uow.client_requests, group.id, render(member), now)
        uow.commit()
    return answer


def enrol(uow: FundingUnitOfWork, group: Group, given: AddMember, now: datetime, by: str) -> Member:
    """A new member of a locked group; a household is an active member of one group at most."""
    household_id = given.household_id
    if household_id and uow.members.active_by_household(household_id):
        raise Conflict(ALREADY_A_MEMBER, [FieldError("household_id", ALREADY_A_MEMBER)])
    member = Member(
        group_id=group.id,
        member_no=group.take_member_no(),
        first_name=given.first_name.strip(),
        last_name=given.last_name.strip(),
        joined_on=given.joined_on or bangkok_date(now),
        created_at=now,
        household_id=household_id,
        person_id=given.person_id,
    )
    uow.members.add(member)
    uow.groups.save_balances(group)  # keeps next_member_no
    record(uow, group.village_code, member, {}, "joined", by, now)
    return member


def get_member(uow: FundingUnitOfWork, caller: Caller, member_id: str) -> tuple[Member, Decimal]:
    """The member and how much more they may borrow."""
    with uow:
        group, member = member_within(uow, caller, member_id, Reach.READ)
        owed = uow.loans.owed_by(member.id)
    return member, max(group.rules.loan_limit(member.savings) - owed, ZERO)


def list_members(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, query: PageQuery
) -> Page[Member]:
    with uow:
        group_within(uow, caller, group_id, Reach.READ)
        return uow.members.list(group_id, query)


def deposit(
    uow: FundingUnitOfWork,
    caller: Caller,
    member_id: str,
    command: MoveMoney,
    now: datetime,
    settings: Settings,
    render: RenderMovement,
) -> Any:
    return _move(uow, caller, member_id, command, now, settings, "deposit", render)


def withdraw(
    uow: FundingUnitOfWork,
    caller: Caller,
    member_id: str,
    command: MoveMoney,
    now: datetime,
    settings: Settings,
    render: RenderMovement,
) -> Any:
    return _move(uow, caller, member_id, command, now, settings, "withdrawal", render)


def _move(
    uow: FundingUnitOfWork,
    caller: Caller,
    member_id: str,
    command: MoveMoney,
    now: datetime,
    settings: Settings,
    kind: str,
    render: RenderMovement,
) -> Any:
    key = ClientKey(kind, member_id, fingerprinted(command))
    with uow:
        group, member = member_within(uow, caller, member_id, Reach.RECORD, lock=True)
        if (answer := key.answered(uow.client_requests, group.id)) is not None:
            return answer
        posting = Posting(posting_day(command.on, now, settings), caller.person_id, now)
        before = VALUES[MEMBER](member)
        entry = _post(uow, group, member, command, posting, kind)
        uow.members.save_savings([member])
        record(uow, group.village_code, member, before, kind, caller.person_id, now)
        uow.groups.save_balances(group)
        uow.ledger.add([entry])
        answer = key.remember(uow.client_requests, group.id, render(entry, member), now)
        uow.commit()
    return answer


def _post(
    uow: FundingUnitOfWork,
    group: Group,
    member: Member,
    command: MoveMoney,
    posting: Posting,
    kind: str,
) -> Entry:
    if kind == "deposit":
        return fund.deposit(group, member, command.amount_thb, posting)
    owed = uow.loans.owed_by(member.id)
    return fund.withdraw(group, member, command.amount_thb, owed, posting)
