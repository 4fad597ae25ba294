"""Occupation groups formed from trained households: forming, members, registration, reads."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import groups as g
from services.teams.usecases import groups
from services.teams.usecases.commands import groups as c

Payload = dict[str, Any]


class GroupEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def form_occupation_group(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.FormGroup, load(g.OccupationGroupIn, payload))
        return dump(g.OccupationGroupOut, groups.form_group(self.uow, who(caller), command, now()))

    @rpc
    def add_group_members(
        self, caller: Payload, group_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.AddGroupMembers, load(g.GroupMembersIn, payload))
        group = groups.join_group(self.uow, who(caller), group_id, command, expected_version)
        return dump(g.OccupationGroupOut, group)

    @rpc
    def register_group(
        self, caller: Payload, group_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.RegisterGroup, load(g.GroupRegistration, payload))
        group = groups.register_group(self.uow, who(caller), group_id, command, expected_version)
        return dump(g.OccupationGroupOut, group)

    @rpc
    def get_occupation_group(self, caller: Payload, group_id: str) -> Payload:
        return dump(g.OccupationGroupOut, groups.get_group(self.uow, who(caller), group_id))

    @rpc
    def list_occupation_groups(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListGroups, load(g.ListOccupationGroups, query))
        found = groups.list_groups(self.uow, who(caller), command)
        return listed(g.OccupationGroupOut, found)
