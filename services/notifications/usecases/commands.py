"""Typed commands of the notifications use cases: frozen dataclasses the entrypoint builds from the
payload its schema loaded (`infra.commands.command_of`), so a use case reads fields, never keys."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from infra.commands import KEEP
from services.notifications.domain.directory import QuietHours


@dataclass(frozen=True)
class DeliveryLogQuery:
    limit: int = 50
    after: str | None = None
    status: str | None = None
    channel: str | None = None
    recipient_id: str | None = None
    notification_id: str | None = None


@dataclass(frozen=True)
class EscalationQuery:
    limit: int = 50
    after: str | None = None
    status: tuple[str, ...] = ()
    kind: str | None = None
    area_code: str | None = None
    level: int | None = None
    mine: bool = False


@dataclass(frozen=True)
class InboxQuery:
    limit: int = 50
    after: str | None = None
    unread_only: bool = False
    recipient_id: str | None = None  # administrators only; others read their own


@dataclass(frozen=True)
class ChangePreferences:
    """Only the fields the payload names change (`KEEP` for the others); None clears one."""

    channels: tuple[str, ...] | None = KEEP
    quiet_hours: QuietHours | None = KEEP
    language: str = KEEP
    digest: bool = KEEP
    webhook_url: str | None = KEEP

    def given(self) -> dict[str, Any]:
        """The fields the payload named, with their new values."""
        named = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in named.items() if value is not KEEP}


@dataclass(frozen=True)
class EscalationsReportQuery:
    area: str
    fiscal_year: int
    rows: str | None = None  # the level of the rows; default: the next one down
