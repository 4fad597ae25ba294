"""Assignments of households to Smile Teams: one, a whole village, reassignment, reads."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, page, who
from services.teams.schemas import assignments as a
from services.teams.usecases import assignment_reads, assignments
from services.teams.usecases import commands as c

Payload = dict[str, Any]


class AssignmentEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def assign_household(self, caller: Payload, payload: Payload) -> Payload:
        command = c.AssignHousehold.of(load(a.AssignHousehold, payload))
        return dump(a.AssignmentOut, assignments.assign(self.uow, who(caller), command, now()))

    @rpc
    def assign_village(self, caller: Payload, payload: Payload) -> Payload:
        command = c.AssignVillage.of(load(a.AssignVillage, payload))
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
        command = c.ReassignHousehold.of(load(a.ReassignHousehold, payload))
        moved = assignments.reassign(
            self.uow, who(caller), household_id, command, expected_version, now()
        )
        return dump(a.AssignmentOut, moved)

    @rpc
    def get_assignment(self, caller: Payload, household_id: str) -> Payload:
        found = assignment_reads.get_assignment(self.uow, who(caller), household_id)
        return dump(a.HouseholdAssignmentOut, found)

    @rpc
    def list_known_households(self, caller: Payload, query: Payload) -> Payload:
        command = load(a.KnownHouseholdsQuery, query)
        found = assignment_reads.list_households(self.uow, who(caller), command)
        return page(a.KnownHouseholdOut, found)
