"""Sammachip targets entrypoints: an area's targets for a fiscal year."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import targets as t
from services.teams.usecases import targets
from services.teams.usecases.commands import targets as tc

Payload = dict[str, Any]


class TargetEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def set_sammachip_targets(
        self,
        caller: Payload,
        key: Payload,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        """`{"targets": ..., "created": bool}`: created is true when none were set before."""
        area_year = command_of(tc.TargetKey, load(t.TargetKey, key))
        command = tc.SetTargets(load(t.TargetsIn, payload))
        found, created = targets.set_targets(
            self.uow, who(caller), area_year, command, expected_version, now()
        )
        return {"targets": dump(t.TargetsOut, found), "created": created}

    @rpc
    def get_sammachip_targets(self, caller: Payload, key: Payload) -> Payload:
        area_year = command_of(tc.TargetKey, load(t.TargetKey, key))
        found = targets.get_targets(self.uow, who(caller), area_year)
        return dump(t.TargetsOut, found)
