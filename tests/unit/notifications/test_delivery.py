"""Channels chosen per person, quiet hours, the inbox fallback, back-off and parking."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.notifications.domain.directory import Person, QuietHours
from services.notifications.domain.notices import (
    Delivery,
    Notification,
    RetryPolicy,
    deliveries_for,
)

BANGKOK = ZoneInfo("Asia/Bangkok")
NOON_BKK = datetime(2026, 11, 21, 5, tzinfo=UTC)  # 12:00 in Bangkok


def note(person_id="p1"):
    return Notification(
        person_id, "escalation.visit_overdue", "h1", "24010101", "t", "b", "e1", NOON_BKK
    )


def test_every_reachable_channel_is_used_unless_the_person_chose_fewer():
    person = Person("p1", "u", "n", email="a@b.test", line_user_id="U1", webhook_url="http://h")
    assert person.delivery_channels() == ["email", "line", "webhook"]
    person.channels = ("line",)
    assert person.delivery_channels() == ["line"]


def test_a_person_without_channels_falls_back_to_the_inbox():
    assert deliveries_for(note(), Person("p1", "u", "n"), NOON_BKK, BANGKOK, urgent=True) == []


def test_channels_the_deployment_cannot_send_on_are_not_queued():
    person = Person("p1", "u", "n", email="a@b.test", line_user_id="U1")
    queued = deliveries_for(note(), person, NOON_BKK, BANGKOK, urgent=False, enabled={"email"})
    assert [d.channel for d in queued] == ["email"]


def test_digest_readers_get_ordinary_news_in_the_digest_but_escalations_at_once():
    person = Person("p1", "u", "n", email="a@b.test", digest=True)
    assert deliveries_for(note(), person, NOON_BKK, BANGKOK, urgent=False) == []
    assert len(deliveries_for(note(), person, NOON_BKK, BANGKOK, urgent=True)) == 1


def test_quiet_hours_hold_a_delivery_until_they_end_even_past_midnight():
    quiet = QuietHours(time(21), time(7))
    late = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)  # 22:30 in Bangkok
    assert quiet.ends_after(late, BANGKOK) == datetime(2026, 11, 22, 0, tzinfo=UTC)  # 07:00
    assert quiet.ends_after(NOON_BKK, BANGKOK) is None
    person = Person("p1", "u", "n", email="a@b.test", quiet_hours=quiet)
    (held,) = deliveries_for(note(), person, late, BANGKOK, urgent=True)
    assert held.next_attempt_at == datetime(2026, 11, 22, 0, tzinfo=UTC)


def test_a_failed_delivery_backs_off_then_is_parked_after_the_last_attempt():
    policy = RetryPolicy((timedelta(minutes=1), timedelta(minutes=5)), max_attempts=4)
    delivery = Delivery("n1", "p1", "email", "e1", NOON_BKK, NOON_BKK)
    pauses = []
    for _ in range(3):
        delivery.failed("smtp: ConnectionRefusedError", NOON_BKK, policy)
        pauses.append(delivery.next_attempt_at - NOON_BKK)
    assert pauses == [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=5)]
    assert delivery.status == "pending"
    delivery.failed("smtp: ConnectionRefusedError", NOON_BKK, policy)
    assert (delivery.status, delivery.attempts) == ("parked", 4)
    delivery.replay(NOON_BKK)
    assert (delivery.status, delivery.attempts) == ("pending", 0)
