"""Escalations (DOMAIN D7): opened by a triggering event, climbing team expert -> district
supervisor -> provincial supervisor while nobody acknowledges them, ended by a person (resolved)
or by the resolving event (closed).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any

from infra.errors import Conflict

ACTIVE = ("waiting", "open", "acknowledged")


class Level(IntEnum):
    TEAM_EXPERT = 0
    DISTRICT_SUPERVISOR = 1
    PROVINCIAL_SUPERVISOR = 2


TOP = Level.PROVINCIAL_SUPERVISOR


@dataclass
class Escalation:
    kind: str
    subject_id: str
    area_code: str
    opens_at: datetime
    household_id: str | None = None
    team_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    status: str = "waiting"
    level: int = Level.TEAM_EXPERT
    opened_at: datetime | None = None
    level_since: datetime | None = None
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    resolution_note: str | None = None
    closed_at: datetime | None = None
    closed_by_event: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1
    stored_version: int = field(init=False, repr=False, compare=False)  # as loaded or created

    def __post_init__(self) -> None:
        self.stored_version = self.version

    def _changed(self) -> None:
        """A change is saved as the version after the one stored, however many steps it took
        (a repeated trigger that also climbs): the repository writes it only over that one."""
        self.version = self.stored_version + 1

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def active_key(self) -> str | None:
        """One active escalation per kind and subject: the database keeps this unique."""
        return f"{self.kind}:{self.subject_id}" if self.active else None

    def due_to_open(self, now: datetime) -> bool:
        return self.status == "waiting" and now >= self.opens_at

    def open(self, level: int, now: datetime) -> None:
        self.status, self.level, self.opened_at, self.level_since = "open", level, now, now
        self._changed()

    def climb_due(self, now: datetime, limits: Sequence[timedelta]) -> bool:
        """Unacknowledged past the time limit of its level, and a level above remains."""
        if self.status != "open" or self.level >= TOP or self.level_since is None:
            return False
        return now >= self.level_since + limits[min(self.level, len(limits) - 1)]

    def climb_to(self, level: int, now: datetime) -> None:
        self.level, self.level_since = level, now
        self._changed()

    def acknowledge(self, person_id: str, now: datetime) -> bool:
        """False when already acknowledged (a resent command changes nothing)."""
        if self.status == "acknowledged":
            return False
        self._require("open", "acknowledge")
        self.status, self.acknowledged_by, self.acknowledged_at = "acknowledged", person_id, now
        self._changed()
        return True

    def resolve(self, person_id: str, note: str | None, now: datetime) -> bool:
        if self.status == "resolved" and self.resolved_by == person_id:
            return False
        self._require(("open", "acknowledged"), "resolve")
        self.status, self.resolved_by, self.resolved_at = "resolved", person_id, now
        self.resolution_note = note
        if self.acknowledged_at is None:
            self.acknowledged_by, self.acknowledged_at = person_id, now
        self._changed()
        return True

    def close(self, event_type: str, now: datetime) -> bool:
        """Ended by the resolving event; False when it had already ended."""
        if not self.active:
            return False
        was_announced = self.status != "waiting"
        self.status, self.closed_at, self.closed_by_event = "closed", now, event_type
        self._changed()
        return was_announced

    def refresh(self, details: dict[str, Any]) -> bool:
        """A repeated trigger's details; True when they name another loan bucket than before."""
        moved = details.get("bucket") != self.details.get("bucket")
        self.details = details
        self._changed()
        return moved

    def _require(self, allowed: str | tuple[str, ...], action: str) -> None:
        allowed = (allowed,) if isinstance(allowed, str) else allowed
        if self.status not in allowed:
            raise Conflict(
                f"an escalation that is {self.status} cannot be {action}d", allowed=list(allowed)
            )


def first_staffed_level(start: int, staffed: Sequence[bool]) -> int:
    """The first level from `start` up that has someone to receive it (else the top)."""
    for level in range(start, TOP + 1):
        if staffed[level]:
            return level
    return TOP
