"""District networks' use cases with the fake unit of work: who may change one, and a stale
version changes nothing. No database, no broker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infra.caller import Caller, Role
from infra.errors import Forbidden, NotFound, PreconditionFailed
from services.funding.usecases import networks
from services.funding.usecases.commands import ChangeNetwork, RegisterNetwork
from tests.unit.funding.fakes import FakeUnitOfWork

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
ADMIN = Caller("admin-1", "admin", frozenset({Role.ADMINISTRATOR}))
OFFICER = Caller("officer-1", "officer", frozenset({Role.SAVINGS_GROUP_OFFICER}))


def registered(uow: FakeUnitOfWork) -> str:
    command = RegisterNetwork(" Mueang network ", "2401", (OFFICER.person_id,))
    return networks.create_network(uow, ADMIN, command, NOW).id


def test_an_administrator_registers_and_changes_a_network() -> None:
    uow = FakeUnitOfWork()
    network_id = registered(uow)

    changed = networks.update_network(uow, ADMIN, network_id, ChangeNetwork("East", ()), 1)

    assert (changed.name, changed.version, changed.officers) == ("East", 2, frozenset())
    assert uow.networks.get(network_id) == changed


def test_a_stale_version_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    network_id = registered(uow)
    networks.update_network(uow, ADMIN, network_id, ChangeNetwork("East", ()), 1)

    with pytest.raises(PreconditionFailed) as refused:
        networks.update_network(uow, ADMIN, network_id, ChangeNetwork("West", ()), 1)

    assert refused.value.extra["current_version"] == 2
    assert uow.networks.get(network_id).name == "East"  # type: ignore[union-attr]


def test_an_officer_sees_the_network_but_may_not_appoint_officers() -> None:
    uow = FakeUnitOfWork()
    network_id = registered(uow)

    assert networks.get_network(uow, OFFICER, network_id).may_record
    with pytest.raises(Forbidden):
        networks.update_network(uow, OFFICER, network_id, ChangeNetwork("Mine", ()), None)
    assert uow.networks.get(network_id).name == "Mueang network"  # type: ignore[union-attr]


def test_an_unknown_network_is_not_found() -> None:
    with pytest.raises(NotFound):
        networks.get_network(FakeUnitOfWork(), ADMIN, "no-such-network")
