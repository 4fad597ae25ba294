"""District networks: register, change, read, list."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller, Role
from infra.pagination import Page
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.db.queries import PageQuery
from services.funding.domain.group import Network
from services.funding.domain.policy import Reach, network_reach, require_network
from services.funding.usecases.commands import ChangeNetwork, RegisterNetwork
from services.funding.usecases.common import Seen


def create_network(
    uow: FundingUnitOfWork, caller: Caller, command: RegisterNetwork, now: datetime
) -> Network:
    caller.require(Role.ADMINISTRATOR)
    network = Network.register(
        command.name.strip(), command.district_code, frozenset(command.officers), now
    )
    with uow:
        uow.networks.add(network)
        uow.commit()
    return network


def update_network(
    uow: FundingUnitOfWork,
    caller: Caller,
    network_id: str,
    command: ChangeNetwork,
    expected_version: int | None,
) -> Network:
    with uow:
        network = require_network(
            caller, uow.networks.get(network_id), Reach.READ, f"network {network_id}"
        )
        caller.require(Role.ADMINISTRATOR)  # officers are appointed, not self-appointed
        require_version(network.version, expected_version, "network")
        network.change(command.name.strip(), frozenset(command.officers))
        uow.networks.save(network)
        uow.commit()
    return network


def get_network(uow: FundingUnitOfWork, caller: Caller, network_id: str) -> Seen[Network]:
    with uow:
        network = require_network(
            caller, uow.networks.get(network_id), Reach.READ, f"network {network_id}"
        )
    return Seen(network, network_reach(caller, network) is Reach.RECORD)


def list_networks(uow: FundingUnitOfWork, caller: Caller, query: PageQuery) -> Page[Seen[Network]]:
    with uow:
        found = uow.networks.list(caller, query)
    items = [Seen(n, network_reach(caller, n) is Reach.RECORD) for n in found.items]
    return Page(items, found.next)
