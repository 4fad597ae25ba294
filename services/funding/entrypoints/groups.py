"""RPC: savings groups and their ledger."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed
from services.funding.db import queries
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import parse
from services.funding.schemas.groups import (
    EntryQuery,
    GroupAnswer,
    GroupChange,
    GroupIn,
    GroupQuery,
    PostingAnswer,
    group_out,
)
from services.funding.usecases import groups
from services.funding.usecases.commands import ChangeGroup, RegisterGroup


class GroupEntrypoints(Entrypoints):
    @rpc
    def create_group(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = command_of(RegisterGroup, parse(GroupIn, payload))
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
        command = command_of(ChangeGroup, parse(GroupChange, payload))
        seen = groups.update_group(
            self.uow, who(caller), group_id, command, expected_version, self.now()
        )
        return group_out(seen.item, seen.may_record)

    @rpc
    def get_group(self, caller: dict[str, Any], group_id: str) -> dict[str, Any]:
        seen = groups.get_group(self.uow, who(caller), group_id)
        return group_out(seen.item, seen.may_record)

    @rpc
    def list_groups(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = command_of(queries.GroupQuery, parse(GroupQuery, query))
        return listed(GroupAnswer, groups.list_groups(self.uow, who(caller), command))

    @rpc
    def list_entries(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(queries.EntryQuery, parse(EntryQuery, query))
        return listed(PostingAnswer, groups.list_entries(self.uow, who(caller), group_id, command))
