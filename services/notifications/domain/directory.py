"""The directory read model: people, their contacts and preferences, and the Smile Teams."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.notifications.vocabulary import EXTERNAL_CHANNELS

TEAM_ROLES = ("volunteer_leader", "subdistrict_coordinator", "district_expert")


@dataclass(frozen=True)
class QuietHours:
    """A local-time window (may wrap past midnight) in which external channels wait."""

    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def ends_after(self, now: datetime, zone: ZoneInfo) -> datetime | None:
        """When the window that holds `now` ends (UTC), or None when `now` is outside it."""
        local = now.astimezone(zone)
        if not self.contains(local.time()):
            return None
        end = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(now.tzinfo)


@dataclass
class Person:
    person_id: str
    username: str
    display_name: str
    roles: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    email: str | None = None
    line_user_id: str | None = None
    phone: str | None = None
    language: str = "th"
    active: bool = True
    channels: tuple[str, ...] | None = None  # None: every channel the person has an address for
    quiet_hours: QuietHours | None = None
    digest: bool = False
    webhook_url: str | None = None
    webhook_secret: str | None = None
    version: int = 1
    teams_version: int = 0  # the version of the teams event this record last followed

    def newer_than_known(self, teams_version: int | None) -> bool:
        """Whether a teams event with this version is news (events may arrive out of order)."""
        return teams_version is None or teams_version > self.teams_version

    def addresses(self) -> dict[str, str]:
        found = {"email": self.email, "line": self.line_user_id, "webhook": self.webhook_url}
        return {channel: address for channel, address in found.items() if address}

    def delivery_channels(self) -> list[str]:
        """External channels to use; an empty list means the in-app inbox alone."""
        if not self.active:
            return []
        wanted = EXTERNAL_CHANNELS if self.channels is None else self.channels
        reachable = self.addresses()
        return [
            channel for channel in EXTERNAL_CHANNELS if channel in wanted and channel in reachable
        ]

    def supervises(self, area_code: str) -> bool:
        supervisor = {"district_supervisor", "provincial_supervisor"} & set(self.roles)
        return bool(supervisor) and any(area_code.startswith(a) for a in self.areas)


@dataclass
class Team:
    team_id: str
    name: str
    coverage: tuple[str, ...] = ()
    members: dict[str, str | None] = field(default_factory=dict)  # role -> person id
    complete: bool = False

    @property
    def expert(self) -> str | None:
        return self.members.get("district_expert")

    def member_ids(self) -> list[str]:
        return [pid for role in TEAM_ROLES if (pid := self.members.get(role))]
