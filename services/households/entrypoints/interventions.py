"""Intervention entrypoints: request one, move it on, list a household's interventions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.households import usecases
from services.households.schemas.interventions import (
    InterventionOut,
    RequestIntervention,
    UpdateIntervention,
)
from services.households.usecases import commands


class InterventionEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def request_intervention(
        self, caller: dict, household_id: str, payload: dict
    ) -> dict[str, Any]:
        command = command_of(commands.RequestIntervention, load(RequestIntervention, payload))
        who = Caller.from_dict(caller)
        now = datetime.now(UTC)
        item = usecases.request_intervention(self.uow, who, household_id, command, now)
        return dump(InterventionOut, item)

    @rpc
    def update_intervention(
        self,
        caller: dict,
        household_id: str,
        intervention_id: str,
        payload: dict,
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.UpdateIntervention, load(UpdateIntervention, payload))
        item = usecases.update_intervention(
            self.uow,
            Caller.from_dict(caller),
            household_id,
            intervention_id,
            command,
            expected_version,
            self.settings,
            datetime.now(UTC),
        )
        return dump(InterventionOut, item)

    @rpc
    def list_interventions(self, caller: dict, household_id: str) -> dict[str, Any]:
        items = usecases.list_interventions(self.uow, Caller.from_dict(caller), household_id)
        return listed(InterventionOut, items)
