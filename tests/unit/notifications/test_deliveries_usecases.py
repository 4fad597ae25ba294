"""The delivery log and the replay of a parked delivery (`usecases/deliveries.py`) with the fake
unit of work: anyone but an administrator reads only their own deliveries. No database."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden
from services.notifications.domain.notices import Delivery
from services.notifications.usecases import deliveries
from services.notifications.usecases.commands import DeliveryLogQuery
from tests.unit.notifications.factories import T0, caller
from tests.unit.notifications.fakes import FakeUnitOfWork

ME, ADMIN = caller("me", Role.DISTRICT_EXPERT), caller("admin", Role.ADMINISTRATOR)


def sent(delivery_id: str, recipient: str, channel: str, minutes: int, **more: Any) -> Delivery:
    at = T0 + timedelta(minutes=minutes)
    return Delivery("n1", recipient, channel, f"e-{delivery_id}", at, at, id=delivery_id, **more)


def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    for delivery in (
        sent("mine-mail", "me", "email", 1),
        sent("mine-line", "me", "line", 2, status="parked"),
        sent("theirs", "other", "email", 3, status="parked"),
    ):
        uow.deliveries.rows[delivery.id] = delivery
    return uow


def ids(uow: FakeUnitOfWork, who: Any, **query: Any) -> list[str]:
    return [d.id for d in deliveries.delivery_log(uow, who, DeliveryLogQuery(**query)).items]


def test_anyone_but_an_administrator_reads_only_their_own_deliveries() -> None:
    uow = world()

    assert ids(uow, ME) == ["mine-line", "mine-mail"]
    assert ids(uow, ME, recipient_id="other") == ["mine-line", "mine-mail"]
    assert ids(uow, ADMIN) == ["theirs", "mine-line", "mine-mail"]
    assert ids(uow, ADMIN, recipient_id="other") == ["theirs"]


def test_the_log_filters_by_status_and_channel_and_pages_newest_first() -> None:
    uow = world()
    first = deliveries.delivery_log(uow, ADMIN, DeliveryLogQuery(limit=1, status="parked"))
    second = deliveries.delivery_log(
        uow, ADMIN, DeliveryLogQuery(limit=1, after=first.next, status="parked")
    )

    assert [d.id for d in first.items + second.items] == ["theirs", "mine-line"]
    assert second.next is None
    assert ids(uow, ADMIN, channel="email", status="parked") == ["theirs"]


def test_an_administrator_replays_a_parked_delivery_and_only_a_parked_one() -> None:
    uow = world()
    replayed = deliveries.replay(uow, ADMIN, "theirs", T0 + timedelta(hours=1))

    assert uow.deliveries.rows["theirs"].status == replayed.status == "pending"
    with pytest.raises(Conflict):
        deliveries.replay(uow, ADMIN, "mine-mail", T0)
    with pytest.raises(Forbidden):
        deliveries.replay(uow, ME, "mine-line", T0)
