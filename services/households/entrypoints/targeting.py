"""Targeting entrypoint: judge an area's BMN results for a survey year, target those in need."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import load
from services.households import usecases
from services.households.schemas.targeting import TargetHouseholds
from services.households.usecases import commands


class TargetingEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def target_households(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = command_of(commands.TargetHouseholds, load(TargetHouseholds, payload))
        return usecases.target_households(
            self.uow, Caller.from_dict(caller), command, self.settings, now=datetime.now(UTC)
        )
