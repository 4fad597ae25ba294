"""RPC: savings groups and their ledger."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import listed, parse
from services.funding.schemas.groups import (
    EntryQuery,
    GroupChange,
    GroupIn,
    GroupQuery,
    group_out,
    posting_out,
)
from services.funding.usecases import groups


class GroupEntrypoints(Entrypoints):
    @rpc
    def create_group(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = parse(GroupIn, payload)
        group = groups.create_group(self.uow, who(caller), command, self.now())
        return group_out(group, may_record=True)

    @rpc
    def update_group(
        self,
        caller: dict[str, Any],
        group_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(GroupChange, payload)
        seen = groups.update_group(self.uow, who(caller), group_id, command, expected_version)
        return group_out(seen.item, seen.may_record)

    @rpc
    def get_group(self, caller: dict[str, Any], group_id: str) -> dict[str, Any]:
        seen = groups.get_group(self.uow, who(caller), group_id)
        return group_out(seen.item, seen.may_record)

    @rpc
    def list_groups(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        found = groups.list_groups(self.uow, who(caller), parse(GroupQuery, query))
        return listed(found["items"], lambda s: group_out(s.item, s.may_record), found["next"])

    @rpc
    def list_entries(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(EntryQuery, query)
        found = groups.list_entries(self.uow, who(caller), group_id, query)
        return listed(found["items"], posting_out, found["next"])
