"""Upkeep across households: a member moves, a household moves away or merges into another."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import load
from services.households import usecases
from services.households.entrypoints.output import household_out
from services.households.schemas.relocation import MergeHousehold, MoveAway, MoveMember
from services.households.usecases import commands


class RelocationEntrypoints:
    uow: Any

    @rpc
    def move_member(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.MoveMember, load(MoveMember, payload))
        who = Caller.from_dict(caller)
        household = usecases.move_member(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)

    @rpc
    def move_away(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.MoveAway, load(MoveAway, payload))
        who = Caller.from_dict(caller)
        household = usecases.move_away(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)

    @rpc
    def merge_household(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.MergeHousehold, load(MergeHousehold, payload))
        who = Caller.from_dict(caller)
        household = usecases.merge_household(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)
