"""RPC: district networks."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import Page, listed, parse
from services.funding.schemas.networks import NetworkChange, NetworkIn, network_out
from services.funding.usecases import networks


class NetworkEntrypoints(Entrypoints):
    @rpc
    def create_network(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = parse(NetworkIn, payload)
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
        command = parse(NetworkChange, payload)
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
        found = networks.list_networks(self.uow, who(caller), parse(Page, query))
        return listed(found["items"], lambda s: network_out(s.item, s.may_record), found["next"])
