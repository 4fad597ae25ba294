"""Savings groups: register, change (rules, committee, network), read, list, their ledger."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller, Role
from infra.commands import KEEP
from infra.errors import ValidationFailed
from infra.pagination import Page
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.db.queries import EntryQuery, GroupQuery
from services.funding.domain.group import Group, Seat
from services.funding.domain.policy import Reach, group_reach, require_network
from services.funding.domain.rules import Rules
from services.funding.usecases.audit import GROUP, VALUES, record
from services.funding.usecases.commands import (
    ChangeGroup,
    RegisterGroup,
    RulesGiven,
    SeatGiven,
)
from services.funding.usecases.common import Seen, group_within


def create_group(
    uow: FundingUnitOfWork, caller: Caller, command: RegisterGroup, now: datetime
) -> Group:
    group = Group.register(
        command.name.strip(),
        command.village_code,
        rules_from(command.rules),
        seats_from(command.committee),
        now,
    )
    with uow:
        if command.network_id:
            _join(uow, caller, group, command.network_id)
        else:
            caller.require(Role.ADMINISTRATOR)
        uow.groups.add(group)
        record(uow, group.village_code, group, {}, "registered", caller.person_id, now)
        uow.commit()
    return group


def update_group(
    uow: FundingUnitOfWork,
    caller: Caller,
    group_id: str,
    command: ChangeGroup,
    expected_version: int | None,
    now: datetime,
) -> Seen[Group]:
    with uow:
        group = group_within(uow, caller, group_id, Reach.RECORD, lock=True)
        require_version(group.version, expected_version, "group")
        before = VALUES[GROUP](group)
        group.change(command.name.strip(), rules_from(command.rules), seats_from(command.committee))
        network_id = command.network_id
        if network_id is not KEEP and network_id != group.network_id:
            _leave_or_join(uow, caller, group, network_id)
        uow.groups.save(group)
        record(uow, group.village_code, group, before, "changed", caller.person_id, now)
        uow.commit()
    return Seen(group, group_reach(caller, group) is Reach.RECORD)


def get_group(uow: FundingUnitOfWork, caller: Caller, group_id: str) -> Seen[Group]:
    with uow:
        group = group_within(uow, caller, group_id, Reach.READ)
    return Seen(group, group_reach(caller, group) is Reach.RECORD)


def list_groups(uow: FundingUnitOfWork, caller: Caller, query: GroupQuery) -> Page[Seen[Group]]:
    with uow:
        found = uow.groups.list(caller, query)
    items = [Seen(g, group_reach(caller, g) is Reach.RECORD) for g in found.items]
    return Page(items, found.next)


def list_entries(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, query: EntryQuery
) -> Page[Any]:
    """The group's ledger rows, newest first; a member's or a loan's statement when filtered."""
    with uow:
        group_within(uow, caller, group_id, Reach.READ)
        return uow.ledger.list(group_id, query)


def rules_from(given: RulesGiven) -> Rules:
    return Rules(
        min_monthly_saving=given.min_monthly_saving_thb,
        annual_interest_rate=given.annual_interest_rate,
        interest_method=given.interest_method,
        max_loan_multiple=given.max_loan_multiple,
        max_term_months=given.max_term_months,
        min_savings_balance=given.min_savings_balance_thb,
    )


def seats_from(given: tuple[SeatGiven, ...]) -> list[Seat]:
    return [Seat(seat.person_id, seat.role) for seat in given]


def _join(uow: FundingUnitOfWork, caller: Caller, group: Group, network_id: str) -> None:
    """Only the network's officers (or an administrator) bring a group into a network."""
    network = require_network(
        caller, uow.networks.get(network_id), Reach.RECORD, f"network {network_id}"
    )
    if not network.may_hold(group):
        raise ValidationFailed.on("network_id", "the group's village is outside its district")
    group.network_id, group.network_officers = network.id, network.officers


def _leave_or_join(
    uow: FundingUnitOfWork, caller: Caller, group: Group, network_id: str | None
) -> None:
    if network_id is None:
        caller.require(Role.ADMINISTRATOR)
        group.network_id, group.network_officers = None, frozenset()
    else:
        _join(uow, caller, group, network_id)
