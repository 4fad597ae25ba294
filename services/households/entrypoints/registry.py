"""Registry entrypoints: register, read, correct and list households."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed, load
from services.households import usecases
from services.households.dates import today
from services.households.entrypoints.output import case_out, household_out
from services.households.schemas.registry import (
    HouseholdSummaryOut,
    ListHouseholds,
    RegisterHousehold,
    UpdateHousehold,
)
from services.households.usecases import commands


class RegistryEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def register_household(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = command_of(commands.RegisterHousehold, load(RegisterHousehold, payload))
        return usecases.register_household(
            self.uow, Caller.from_dict(caller), command, now=datetime.now(UTC)
        )

    @rpc
    def get_household(self, caller: dict[str, Any], household_id: str) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        return case_out(usecases.get_household(self.uow, who, household_id), who)

    @rpc
    def update_household(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.UpdateHousehold, load(UpdateHousehold, payload))
        who = Caller.from_dict(caller)
        household = usecases.update_household(
            self.uow, who, household_id, command, expected_version, datetime.now(UTC)
        )
        return household_out(household, who)

    @rpc
    def list_households(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = command_of(commands.FindHouseholds, load(ListHouseholds, query))
        found = usecases.find_households(self.uow, Caller.from_dict(caller), command, today())
        return listed(HouseholdSummaryOut, found)
