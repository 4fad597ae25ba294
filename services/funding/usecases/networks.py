"""District networks: register, change, read, list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller, Role
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.domain.group import Network
from services.funding.domain.policy import Reach, network_reach, require_network
from services.funding.usecases.common import Seen


def create_network(
    uow: FundingUnitOfWork, caller: Caller, command: dict[str, Any], now: datetime
) -> Network:
    caller.require(Role.ADMINISTRATOR)
    network = Network.register(
        command["name"].strip(), command["district_code"], frozenset(command["officers"]), now
    )
    with uow:
        uow.networks.add(network)
        uow.commit()
    return network


def update_network(
    uow: FundingUnitOfWork,
    caller: Caller,
    network_id: str,
    command: dict[str, Any],
    expected_version: int | None,
) -> Network:
    with uow:
        network = require_network(
            caller, uow.networks.get(network_id), Reach.READ, f"network {network_id}"
        )
        caller.require(Role.ADMINISTRATOR)  # officers are appointed, not self-appointed
        require_version(network.version, expected_version, "network")
        network.change(command["name"].strip(), frozenset(command["officers"]))
        uow.networks.save(network)
        uow.commit()
    return network


def get_network(uow: FundingUnitOfWork, caller: Caller, network_id: str) -> Seen[Network]:
    with uow:
        network = require_network(
            caller, uow.networks.get(network_id), Reach.READ, f"network {network_id}"
        )
    return Seen(network, network_reach(caller, network) is Reach.RECORD)


def list_networks(uow: FundingUnitOfWork, caller: Caller, query: dict[str, Any]) -> dict[str, Any]:
    with uow:
        found, cursor = uow.networks.list(caller, query["after"], query["limit"])
    items = [Seen(n, network_reach(caller, n) is Reach.RECORD) for n in found]
    return {"items": items, "next": cursor}
