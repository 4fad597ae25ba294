"""The event log's pruning on SQLite and PostgreSQL: it remembers the highest cursor it dropped,
so a replay from an earlier cursor is refused (410) rather than silently missing events; a later
prune that drops nothing keeps the mark."""

from datetime import UTC, datetime, timedelta

import pytest

from infra.caller import Caller, Role
from infra.errors import Gone
from services.notifications.domain.subscribers import LoggedEvent
from services.notifications.settings import Settings
from services.notifications.usecases import event_log
from services.notifications.usecases.subscriber_commands import EventsQuery
from tests.integration.notifications.test_timers import unit_of_work

T0 = datetime(2026, 11, 1, 3, tzinfo=UTC)
ADMIN = Caller("admin", "admin", frozenset({Role.ADMINISTRATOR}))


def logged(event_id: str, at: datetime) -> LoggedEvent:
    data = {"household_id": "h1"}
    return LoggedEvent(
        event_id, "households", "visit_overdue", 1, at, None, "24010101", data, (), at
    )


def test_a_replay_from_before_what_pruning_dropped_is_gone(notif_config):
    settings = Settings.from_config(notif_config)
    uow, other_replica = unit_of_work(notif_config), unit_of_work(notif_config)
    later = T0 + settings.event_retention + timedelta(hours=1)
    for name, at in (("e1", T0), ("e2", T0 + timedelta(minutes=1)), ("e3", later)):
        event_log.record_event(uow, logged(name, at), at)
    now = later + settings.replay_settle
    everything = event_log.events_since(uow, ADMIN, EventsQuery(), now, settings)
    cursors = [int(event["cursor"]) for event in everything.items]

    assert event_log.prune_events(uow, later, settings) == 2
    assert event_log.prune_events(other_replica, T0 + settings.event_retention, settings) == 0
    with uow:
        assert uow.event_log.pruned_through() == cursors[1]  # e2's
    for after in (0, cursors[0]):
        with pytest.raises(Gone):
            event_log.events_since(uow, ADMIN, EventsQuery(after=after), now, settings)
    kept = event_log.events_since(uow, ADMIN, EventsQuery(after=cursors[1]), now, settings)
    assert [e["event_id"] for e in kept.items] == ["e3"]
