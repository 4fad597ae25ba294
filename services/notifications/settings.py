"""The NOTIFICATIONS block of the configuration (read once per container: `infra.settings`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.notifications.domain.notices import RetryPolicy


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""  # none: e-mail is off
    port: int = 25
    sender: str = "smile@localhost"
    username: str | None = None
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def from_block(cls, block: dict[str, Any]) -> SmtpSettings:
        return cls(
            host=str(block.get("host") or ""),
            port=int(block.get("port", 25)),
            sender=str(block.get("sender", "smile@localhost")),
            username=str(block["username"]) if block.get("username") else None,
            password=str(block.get("password") or ""),
            starttls=_flag(block.get("starttls", False), "smtp.starttls"),
            timeout=_seconds(block.get("timeout_seconds", 10), "smtp.timeout_seconds"),
        )


@dataclass(frozen=True)
class WebhookSettings:
    timeout: float = 10.0

    @classmethod
    def from_block(cls, block: dict[str, Any]) -> WebhookSettings:
        return cls(_seconds(block.get("timeout_seconds", 10), "webhook.timeout_seconds"))


@dataclass(frozen=True)
class LineSettings:
    endpoint: str = "https://api.line.me"
    channel_access_token: str = ""  # none: LINE is off
    timeout: float = 10.0

    @classmethod
    def from_block(cls, block: dict[str, Any]) -> LineSettings:
        return cls(
            endpoint=str(block.get("endpoint") or "https://api.line.me").rstrip("/"),
            channel_access_token=str(block.get("channel_access_token") or ""),
            timeout=_seconds(block.get("timeout_seconds", 10), "line.timeout_seconds"),
        )


@dataclass(frozen=True)
class Settings:
    escalation_limits: tuple[timedelta, ...] = (timedelta(hours=48), timedelta(hours=72))
    grace: dict[str, timedelta] = field(default_factory=dict)
    retry: RetryPolicy = field(default_factory=lambda: RetryPolicy((timedelta(minutes=1),), 5))
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Bangkok"))
    digest_hour: int = 7
    batch_size: int = 50
    concurrency: int = 10
    lease: timedelta = timedelta(minutes=2)
    smtp: SmtpSettings = SmtpSettings()
    webhook: WebhookSettings = WebhookSettings()
    line: LineSettings = LineSettings()
    event_retention: timedelta = timedelta(days=30)
    replay_settle: timedelta = timedelta(seconds=2)

    @property
    def enabled_channels(self) -> frozenset[str]:
        """Channels this deployment can send on: a person is never queued on another."""
        enabled = {"webhook"}
        if self.smtp.host:
            enabled.add("email")
        if self.line.channel_access_token:
            enabled.add("line")
        return frozenset(enabled)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        block = config.get("NOTIFICATIONS") or {}
        hours = block.get("escalation_hours", [48, 72])
        return cls(
            escalation_limits=tuple(timedelta(hours=float(h)) for h in hours),
            grace={
                "plan_approval": timedelta(hours=float(block.get("plan_approval_hours", 168))),
                "referral_acceptance": timedelta(
                    hours=float(block.get("referral_acceptance_hours", 336))
                ),
            },
            retry=RetryPolicy(
                tuple(
                    timedelta(seconds=float(s)) for s in block.get("retry_backoff_seconds", [60])
                ),
                int(block.get("max_delivery_attempts", 5)),
            ),
            zone=ZoneInfo(block.get("timezone", "Asia/Bangkok")),
            digest_hour=int(block.get("digest_hour", 7)),
            batch_size=int(block.get("delivery_batch_size", 50)),
            concurrency=int(block.get("delivery_concurrency", 10)),
            lease=timedelta(seconds=float(block.get("delivery_lease_seconds", 120))),
            smtp=SmtpSettings.from_block(block.get("smtp") or {}),
            webhook=WebhookSettings.from_block(block.get("webhook") or {}),
            line=LineSettings.from_block(block.get("line") or {}),
            event_retention=timedelta(
                days=_seconds(block.get("event_retention_days", 30), "event_retention_days")
            ),
            replay_settle=timedelta(seconds=float(block.get("replay_settle_seconds", 2))),
        )


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool) or value in (None, ""):
        return bool(value)
    if str(value).lower() in ("true", "false"):
        return str(value).lower() == "true"
    raise ValueError(f"NOTIFICATIONS.{name} must be true or false")


def _seconds(value: Any, name: str) -> float:
    seconds = float(value)
    if seconds <= 0:
        raise ValueError(f"NOTIFICATIONS.{name} must be more than 0")
    return seconds
