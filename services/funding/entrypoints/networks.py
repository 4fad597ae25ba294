"""RPC: district networks."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed
from services.funding.db.queries import PageQuery
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import Page, parse
from services.funding.schemas.networks import NetworkAnswer, NetworkChange, NetworkIn, network_out
from services.funding.usecases import networks
from services.funding.usecases.commands import ChangeNetwork, RegisterNetwork


class NetworkEntrypoints(Entrypoints):
    @rpc
    def create_network(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = command_of(RegisterNetwork, parse(NetworkIn, payload))
        network = networks.create_network(self.uow, who(caller), command, self.now())
        return network_out(network, may_record=True)

    @rpc
    def update_network(
        self,
        caller: dict[str, Any],
        network_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(ChangeNetwork, parse(NetworkChange, payload))
        network = networks.update_network(
            self.uow, who(caller), network_id, command, expected_version
        )
        return network_out(network, may_record=True)

    @rpc
    def get_network(self, caller: dict[str, Any], network_id: str) -> dict[str, Any]:
        seen = networks.get_network(self.uow, who(caller), network_id)
        return network_out(seen.item, seen.may_record)

    @rpc
    def list_networks(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = command_of(PageQuery, parse(Page, query))
        return listed(NetworkAnswer, networks.list_networks(self.uow, who(caller), command))
