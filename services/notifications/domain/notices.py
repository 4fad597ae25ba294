"""In-app notifications and their deliveries over external channels, with retry and parking."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from services.notifications.domain.directory import Person
from services.notifications.vocabulary import EXTERNAL_CHANNELS


@dataclass
class Notification:
    recipient_id: str
    kind: str
    subject_id: str
    area_code: str
    title: str
    body: str
    dedupe_key: str  # with the recipient, unique: the same event never files twice
    created_at: datetime
    escalation_id: str | None = None
    read_at: datetime | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass(frozen=True)
class RetryPolicy:
    backoff: Sequence[timedelta]
    max_attempts: int

    def delay(self, failures: int) -> timedelta:
        return self.backoff[min(failures, len(self.backoff)) - 1]


@dataclass
class Delivery:
    notification_id: str
    recipient_id: str
    channel: str
    dedupe_key: str
    next_attempt_at: datetime
    created_at: datetime
    status: str = "pending"
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def succeeded(self, now: datetime) -> None:
        self.attempts += 1
        self.status, self.sent_at, self.last_error = "sent", now, None

    def failed(self, error: str, now: datetime, policy: RetryPolicy) -> None:
        """Retried after a growing pause; parked (kept, replayable) after the last attempt."""
        self.attempts += 1
        self.last_error = error[:300]
        if self.attempts >= policy.max_attempts:
            self.status = "parked"
        else:
            self.next_attempt_at = now + policy.delay(self.attempts)

    def replay(self, now: datetime) -> None:
        self.status, self.next_attempt_at, self.attempts = "pending", now, 0


def deliveries_for(
    notification: Notification,
    person: Person,
    now: datetime,
    zone: ZoneInfo,
    *,
    urgent: bool,
    enabled: Collection[str] = EXTERNAL_CHANNELS,
) -> list[Delivery]:
    """One delivery per external channel the person can be reached on. None (inbox only) when the
    person has no channel, or gathers ordinary news in the daily digest. Quiet hours delay it."""
    if person.digest and not urgent:
        return []
    start = (person.quiet_hours and person.quiet_hours.ends_after(now, zone)) or now
    return [
        Delivery(notification.id, person.person_id, channel, notification.dedupe_key, start, now)
        for channel in person.delivery_channels()
        if channel in enabled
    ]
