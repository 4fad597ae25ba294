"""Members and their savings through the use cases with the fake unit of work: a deposit resent
with its client key is answered again, not posted twice; members are listed a page at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from infra.errors import Conflict
from services.funding.db.queries import PageQuery
from services.funding.usecases import members
from tests.unit.funding.books import MAKER, add_member, deposit, ready_group
from tests.unit.funding.fakes import FakeUnitOfWork


def test_a_deposit_resent_with_its_client_key_is_answered_again_and_posted_once() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)
    member_id = add_member(uow, group.id)["id"]

    first = deposit(uow, member_id, "150.00", key="phone-1")
    again = deposit(uow, member_id, "150.00", key="phone-1")

    assert again == first and first["savings_thb"] == "150.00"
    assert uow.members.get(member_id).savings == Decimal("150.00")  # type: ignore[union-attr]
    assert len(uow.ledger.rows) == 1
    with pytest.raises(Conflict):
        deposit(uow, member_id, "200.00", key="phone-1")  # the same key, another request
    assert deposit(uow, member_id, "200.00", key="phone-2")["savings_thb"] == "350.00"


def test_a_deposit_without_a_key_is_posted_each_time() -> None:
    uow = FakeUnitOfWork()
    member_id = add_member(uow, ready_group(uow).id)["id"]

    deposit(uow, member_id, "150.00")
    deposit(uow, member_id, "150.00")

    assert uow.members.get(member_id).savings == Decimal("300.00")  # type: ignore[union-attr]


def test_an_added_member_resent_with_its_key_is_added_once() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)

    first = add_member(uow, group.id, client_key="join-1")
    again = add_member(uow, group.id, client_key="join-1")

    assert again == first
    assert [m.member_no for m in uow.members.all()] == [first["member_no"]]


def test_members_are_listed_a_page_at_a_time() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)
    numbers = [add_member(uow, group.id, first_name=f"Member {n}")["member_no"] for n in range(3)]

    first = members.list_members(uow, MAKER, group.id, PageQuery(limit=2))
    rest = members.list_members(uow, MAKER, group.id, PageQuery(after=first.next, limit=2))

    assert [m.member_no for m in first.items] == numbers[:2] and first.next is not None
    assert [m.member_no for m in rest.items] == numbers[2:] and rest.next is None
