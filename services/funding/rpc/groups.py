"""RPC: district networks, savings groups and their members."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from services.funding import schemas
from services.funding.rpc.base import Entrypoints, now, who
from services.funding.schemas import parse
from services.funding.usecases import groups, members, networks


class GroupEntrypoints(Entrypoints):
    @rpc
    def create_network(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = parse(schemas.NetworkIn, payload)
        return networks.create_network(self.uow, who(caller), command, now())

    @rpc
    def update_network(
        self,
        caller: dict[str, Any],
        network_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(schemas.NetworkChange, payload)
        return networks.update_network(self.uow, who(caller), network_id, command, expected_version)

    @rpc
    def get_network(self, caller: dict[str, Any], network_id: str) -> dict[str, Any]:
        return networks.get_network(self.uow, who(caller), network_id)

    @rpc
    def list_networks(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        return networks.list_networks(self.uow, who(caller), parse(schemas.Page, query))

    @rpc
    def create_group(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = parse(schemas.GroupIn, payload)
        return groups.create_group(self.uow, who(caller), command, now())

    @rpc
    def update_group(
        self,
        caller: dict[str, Any],
        group_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(schemas.GroupChange, payload)
        return groups.update_group(self.uow, who(caller), group_id, command, expected_version)

    @rpc
    def get_group(self, caller: dict[str, Any], group_id: str) -> dict[str, Any]:
        return groups.get_group(self.uow, who(caller), group_id)

    @rpc
    def list_groups(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        return groups.list_groups(self.uow, who(caller), parse(schemas.GroupQuery, query))

    @rpc
    def list_entries(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(schemas.EntryQuery, query)
        return groups.list_entries(self.uow, who(caller), group_id, query)

    @rpc
    def add_member(
        self, caller: dict[str, Any], group_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(schemas.MemberIn, payload)
        return members.add_member(self.uow, who(caller), group_id, command, now())

    @rpc
    def get_member(self, caller: dict[str, Any], member_id: str) -> dict[str, Any]:
        return members.get_member(self.uow, who(caller), member_id)

    @rpc
    def list_members(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(schemas.Page, query)
        return members.list_members(self.uow, who(caller), group_id, query)
