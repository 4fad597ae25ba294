"""The model household of a district and fiscal year."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import model_households as s
from services.teams.usecases import model_households
from services.teams.usecases.commands import model_households as c

Payload = dict[str, Any]


class ModelHouseholdEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def select_model_household(
        self, caller: Payload, key: Payload, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        where = command_of(c.ModelHouseholdKey, load(s.ModelHouseholdKey, key))
        command = command_of(c.SelectModelHousehold, load(s.ModelHouseholdIn, payload))
        chosen, created = model_households.select_model_household(
            self.uow, who(caller), where, command, expected_version, now()
        )
        return {"model_household": dump(s.ModelHouseholdOut, chosen), "created": created}

    @rpc
    def get_model_household(self, caller: Payload, key: Payload) -> Payload:
        where = command_of(c.ModelHouseholdKey, load(s.ModelHouseholdKey, key))
        chosen = model_households.get_model_household(self.uow, who(caller), where)
        return dump(s.ModelHouseholdOut, chosen)
