"""Assignments of households to Smile Teams: one, a whole village, reassignment, reads."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import assignments as a
from services.teams.usecases import assignments
from services.teams.usecases.commands import assignments as c

Payload = dict[str, Any]


class AssignmentEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def assign_household(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.AssignHousehold, load(a.AssignHousehold, payload))
        return dump(a.AssignmentOut, assignments.assign(self.uow, who(caller), command, now()))

    @rpc
    def assign_village(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.AssignVillage, load(a.AssignVillage, payload))
        done = assignments.assign_village(self.uow, who(caller), command, now())
        return dump(a.VillageAssignmentOut, done)

    @rpc
    def reassign_household(
        self,
        caller: Payload,
        household_id: str,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        command = command_of(c.ReassignHousehold, load(a.ReassignHousehold, payload))
        moved = assignments.reassign(
            self.uow, who(caller), household_id, command, expected_version, now()
        )
        return dump(a.AssignmentOut, moved)

    @rpc
    def get_assignment(self, caller: Payload, household_id: str) -> Payload:
        found = assignments.get_assignment(self.uow, who(caller), household_id)
        return dump(a.HouseholdAssignmentOut, found)

    @rpc
    def list_known_households(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListKnownHouseholds, load(a.KnownHouseholdsQuery, query))
        found = assignments.list_households(self.uow, who(caller), command)
        return listed(a.KnownHouseholdOut, found)
