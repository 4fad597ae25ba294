"""Versioned saves (infra.versions.save_versioned): a network, group or loan changed from a copy
read before someone else's change is refused (412), never a lost update, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infra.errors import PreconditionFailed
from services.funding.domain.group import Seat
from services.funding.vocabulary import CommitteeRole
from tests.integration.funding.desk import ADMIN, Desk

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


def test_a_network_changed_from_a_stale_copy_is_refused(desk: Desk) -> None:
    network_id = desk.create_network(ADMIN)["id"]
    uow = desk.uow
    with uow:
        first, second = uow.networks.get(network_id), uow.networks.get(network_id)
    assert first is not None and second is not None
    first.change("East", frozenset())
    with uow:
        uow.networks.save(first)
        uow.commit()

    second.change("West", frozenset())
    with uow, pytest.raises(PreconditionFailed):
        uow.networks.save(second)
    assert desk.service.get_network(ADMIN.to_dict(), network_id)["name"] == "East"


def test_a_group_changed_from_a_stale_copy_is_refused(desk: Desk) -> None:
    group, maker, _ = desk.ready_group()
    uow = desk.uow
    with uow:
        stale = uow.groups.get(group["id"])
    assert stale is not None
    desk.update_group(ADMIN, group["id"], 1, name="Renamed", committee=group["committee"],
                      rules=desk.get_group(ADMIN, group["id"])["rules"])  # fmt: skip

    stale.change("Lost", stale.rules, [Seat(maker.person_id, CommitteeRole.CHAIR)])
    with uow, pytest.raises(PreconditionFailed):
        uow.groups.save(stale)
    assert desk.get_group(ADMIN, group["id"])["name"] == "Renamed"


def test_a_loan_decided_from_a_stale_copy_is_refused(desk: Desk) -> None:
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "3000.00")
    loan_id = desk.apply(maker, member["id"], "1000.00")["id"]
    uow = desk.uow
    with uow:
        stale = uow.loans.get(loan_id)
    assert stale is not None
    desk.reject(checker, loan_id)

    stale.approve(checker.person_id, None, NOW)
    with uow, pytest.raises(PreconditionFailed):
        uow.loans.save(stale)
    assert desk.get_loan(maker, loan_id)["status"] == "rejected"
