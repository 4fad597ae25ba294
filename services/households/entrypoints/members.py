"""Household upkeep entrypoints: a member joins or leaves, the head changes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.errors import NotFound
from infra.rpc import rpc
from infra.validation import load
from services.households import usecases
from services.households.entrypoints.output import household_out
from services.households.schemas.members import AddMember, ChangeHead, RemoveMember
from services.households.usecases import commands

MEMBER_NUMBER = re.compile(r"[0-9]{1,3}")


class MemberEntrypoints:
    uow: Any

    @rpc
    def add_member(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.AddMember, load(AddMember, payload))
        who = Caller.from_dict(caller)
        household = usecases.add_member(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)

    @rpc
    def remove_member(
        self,
        caller: dict[str, Any],
        household_id: str,
        member: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.RemoveMember, load(RemoveMember, payload))
        who = Caller.from_dict(caller)
        household = usecases.remove_member(
            self.uow,
            who,
            household_id,
            member_number(member),
            command,
            expected_version,
            datetime.now(UTC),
        )
        return household_out(household, who)

    @rpc
    def change_head(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.ChangeHead, load(ChangeHead, payload))
        who = Caller.from_dict(caller)
        household = usecases.change_head(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)


def member_number(text: str) -> int:
    """A member's number as the path gives it (ASCII digits only), or NotFound."""
    if not MEMBER_NUMBER.fullmatch(text):
        raise NotFound("member not found")
    return int(text)
