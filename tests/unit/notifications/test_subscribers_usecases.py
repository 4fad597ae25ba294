"""Outside subscribers with the fake unit of work: which subscriptions an event is queued for,
what they receive (personal data only when granted), replay since a cursor, pruning, and the
administrators-only subscriptions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.caller import Role
from infra.errors import Forbidden, Gone, NotFound, PreconditionFailed
from services.notifications.domain.notices import Delivery
from services.notifications.domain.subscribers import LoggedEvent, in_areas
from services.notifications.usecases import event_log, subscribers
from services.notifications.usecases.subscriber_commands import (
    ChangeSubscription,
    EventsQuery,
    Subscribe,
)
from tests.unit.notifications.factories import SETTINGS, T0, VILLAGE, caller
from tests.unit.notifications.fakes import FakeUnitOfWork

ADMIN, EXPERT = caller("admin", Role.ADMINISTRATOR), caller("me", Role.DISTRICT_EXPERT)
LATER = T0 + timedelta(minutes=1)


def event(
    event_id: str, event_type: str = "visit_overdue", area: str | None = VILLAGE
) -> LoggedEvent:
    data = {"household_id": "h1", "income_per_person_thb": "21000.00"}
    return LoggedEvent(
        event_id, "households", event_type, 1, T0, None, area, data, ("income_per_person_thb",), T0
    )


def subscribed(uow: FakeUnitOfWork, **fields: Any) -> str:
    command = Subscribe(
        **{"name": "s", "url": "http://x.test/", "event_types": ("visit_overdue",), **fields}
    )
    return subscribers.subscribe(uow, ADMIN, command, T0)[0].id


def queued(uow: FakeUnitOfWork) -> list[str]:
    return sorted(d.recipient_id for d in uow.deliveries.rows.values())


def test_an_event_is_queued_for_the_subscriptions_of_its_type_area_and_state():
    uow = FakeUnitOfWork()
    everywhere = subscribed(uow)
    here = subscribed(uow, areas=("2401",))
    subscribed(uow, areas=("10",))
    subscribed(uow, event_types=("visit_logged",))
    subscribed(uow, active=False)
    assert event_log.record_event(uow, event("e1"), T0) == 2
    assert queued(uow) == sorted([everywhere, here])
    assert all(d.channel == "system_webhook" for d in uow.deliveries.rows.values())


def test_a_duplicate_event_changes_nothing():
    uow = FakeUnitOfWork()
    subscribed(uow)
    event_log.record_event(uow, event("e1"), T0)
    assert event_log.record_event(uow, event("e1"), LATER) == 0
    assert len(uow.deliveries.rows) == 1 and len(uow.event_log.rows) == 1


def test_an_event_without_an_area_goes_only_to_subscriptions_for_every_area():
    uow = FakeUnitOfWork()
    everywhere = subscribed(uow, event_types=("team_completed",))
    subscribed(uow, event_types=("team_completed",), areas=("24",))
    event_log.record_event(uow, event("e1", "team_completed", area=None), T0)
    assert queued(uow) == [everywhere]


@given(st.from_regex(r"[0-9]{8}", fullmatch=True), st.from_regex(r"[0-9]{2}", fullmatch=True))
def test_an_area_holds_the_codes_that_start_with_it(village, province):
    assert in_areas(village, ()) and in_areas(None, ())
    assert in_areas(village, (province,)) == village.startswith(province)
    assert not in_areas(None, (province,))


def test_personal_fields_are_left_out_unless_granted():
    logged = event("e1")
    assert "income_per_person_thb" not in logged.body(personal_data=False)["data"]
    assert logged.body(personal_data=True)["data"]["income_per_person_thb"] == "21000.00"


def replayed(uow: FakeUnitOfWork, now=LATER, **query: Any) -> Any:
    return event_log.events_since(uow, ADMIN, EventsQuery(**query), now, SETTINGS)


def test_replay_gives_the_events_after_the_cursor_in_order_and_a_next_cursor():
    uow = FakeUnitOfWork()
    for n in range(3):
        event_log.record_event(uow, event(f"e{n}"), T0)
    first = replayed(uow, limit=2)
    assert [e["event_id"] for e in first.items] == ["e0", "e1"] and first.next == "2"
    rest = replayed(uow, after=int(first.next))
    assert [e["event_id"] for e in rest.items] == ["e2"] and rest.next is None
    assert "income_per_person_thb" not in rest.items[0]["data"]
    assert replayed(uow, now=T0 + SETTINGS.replay_settle / 2).items == []  # not settled yet


def test_replay_for_a_subscription_reads_its_types_areas_and_grant():
    uow = FakeUnitOfWork()
    granted = subscribed(uow, areas=("2401",), personal_data=True)
    event_log.record_event(uow, event("here"), T0)
    event_log.record_event(uow, event("elsewhere", area="10010101"), T0)
    event_log.record_event(uow, event("other type", "visit_logged"), T0)
    found = replayed(uow, subscription_id=granted).items
    assert [e["event_id"] for e in found] == ["here"]
    assert found[0]["data"]["income_per_person_thb"] == "21000.00"
    assert replayed(uow, subscription_id=granted, event_types=("visit_logged",)).items == []
    with pytest.raises(NotFound):
        replayed(uow, subscription_id="nobody")


def test_only_administrators_replay_or_manage_subscriptions():
    uow = FakeUnitOfWork()
    with pytest.raises(Forbidden):
        event_log.events_since(uow, EXPERT, EventsQuery(), LATER, SETTINGS)
    with pytest.raises(Forbidden):
        subscribers.subscribe(uow, EXPERT, Subscribe("s", "http://x.test/", ("visit_overdue",)), T0)


def test_pruning_drops_what_is_older_than_the_retention_and_repeats_harmlessly():
    uow = FakeUnitOfWork()
    event_log.record_event(uow, event("old"), T0)
    later = T0 + SETTINGS.event_retention + timedelta(seconds=1)
    event_log.record_event(uow, replace(event("new"), logged_at=later), later)
    assert event_log.prune_events(uow, later, SETTINGS) == 1
    assert event_log.prune_events(uow, later, SETTINGS) == 0
    assert list(uow.event_log.rows) == ["new"]


def test_a_replay_from_a_cursor_older_than_what_is_kept_is_gone_not_silently_short():
    uow = FakeUnitOfWork()
    for name in ("e1", "e2"):
        event_log.record_event(uow, event(name), T0)
    later = T0 + SETTINGS.event_retention + timedelta(seconds=1)
    event_log.record_event(uow, replace(event("e3"), logged_at=later), later)
    event_log.prune_events(uow, later, SETTINGS)  # e1 (cursor 1) and e2 (cursor 2) are gone
    for cursor in (0, 1):
        with pytest.raises(Gone):
            replayed(uow, after=cursor, now=later + SETTINGS.replay_settle)
    assert [
        e["event_id"] for e in replayed(uow, after=2, now=later + SETTINGS.replay_settle).items
    ] == ["e3"]


def test_the_secret_is_shown_on_creation_and_a_rotation_replaces_it():
    uow = FakeUnitOfWork()
    made, secret = subscribers.subscribe(
        uow, ADMIN, Subscribe("s", "http://x.test/", ("visit_overdue",)), T0
    )
    assert secret.startswith("whsec_") and made.secret == secret
    rotated, new = subscribers.rotate_secret(uow, ADMIN, made.id, 1)
    assert new != secret and rotated.version == 2 and uow.subscriptions.get(made.id).secret == new
    with pytest.raises(PreconditionFailed):
        subscribers.change_subscription(uow, ADMIN, made.id, ChangeSubscription(active=False), 1)
    paused = subscribers.change_subscription(
        uow, ADMIN, made.id, ChangeSubscription(active=False), 2
    )
    assert not paused.active and paused.secret == new


def test_a_delivery_of_another_subscription_is_not_found_there():
    uow = FakeUnitOfWork()
    mine, theirs = subscribed(uow), subscribed(uow)
    parked = Delivery("e1", theirs, "system_webhook", "e1", T0, T0, status="parked")
    uow.deliveries.rows[parked.id] = parked
    with pytest.raises(NotFound):
        subscribers.replay_delivery(uow, ADMIN, mine, parked.id, LATER)
    assert subscribers.replay_delivery(uow, ADMIN, theirs, parked.id, LATER).status == "pending"


def test_what_is_posted_for_a_delivery_follows_the_subscription_and_the_log():
    uow = FakeUnitOfWork()
    sub = subscribed(uow)
    event_log.record_event(uow, event("e1"), T0)
    [delivery] = uow.deliveries.rows.values()
    outgoing = event_log.outgoing_to_system(uow, delivery)
    assert outgoing.address == "http://x.test/" and outgoing.body["event_id"] == "e1"
    subscribers.change_subscription(uow, ADMIN, sub, ChangeSubscription(active=False), 1)
    assert event_log.outgoing_to_system(uow, delivery).address is None
