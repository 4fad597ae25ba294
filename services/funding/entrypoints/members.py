"""RPC: members of a savings group and their savings."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed
from services.funding.db.queries import PageQuery
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import Page, parse
from services.funding.schemas.members import (
    MemberAnswer,
    MemberIn,
    Movement,
    member_out,
    movement_out,
)
from services.funding.usecases import members
from services.funding.usecases.commands import AddMember, MoveMoney


class MemberEntrypoints(Entrypoints):
    @rpc
    def add_member(
        self, caller: dict[str, Any], group_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(AddMember, parse(MemberIn, payload))
        return members.add_member(self.uow, who(caller), group_id, command, self.now(), member_out)

    @rpc
    def get_member(self, caller: dict[str, Any], member_id: str) -> dict[str, Any]:
        member, limit = members.get_member(self.uow, who(caller), member_id)
        return member_out(member, loan_limit=limit)

    @rpc
    def list_members(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(PageQuery, parse(Page, query))
        return listed(MemberAnswer, members.list_members(self.uow, who(caller), group_id, command))

    @rpc
    def deposit(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(MoveMoney, parse(Movement, payload))
        return members.deposit(
            self.uow, who(caller), member_id, command, self.now(), self.settings, movement_out
        )

    @rpc
    def withdraw(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(MoveMoney, parse(Movement, payload))
        return members.withdraw(
            self.uow, who(caller), member_id, command, self.now(), self.settings, movement_out
        )
