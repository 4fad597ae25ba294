"""The NOTIFICATIONS block of the configuration (read once per container: `infra.settings`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.notifications.domain.notices import RetryPolicy


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
    smtp: dict[str, Any] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    line: dict[str, Any] = field(default_factory=dict)

    @property
    def enabled_channels(self) -> frozenset[str]:
        """Channels this deployment can send on: a person is never queued on another."""
        enabled = {"webhook"}
        if self.smtp.get("host"):
            enabled.add("email")
        if self.line.get("channel_access_token"):
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
            smtp=dict(block.get("smtp") or {}),
            webhook=dict(block.get("webhook") or {}),
            line=dict(block.get("line") or {}),
        )
