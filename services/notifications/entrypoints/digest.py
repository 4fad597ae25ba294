"""The timer that sends each digest reader the day's digest."""

from __future__ import annotations

from typing import Any

from infra.timers import configured_timer
from services.notifications.entrypoints.common import now
from services.notifications.usecases import digest


class DigestEntrypoints:
    uow: Any
    settings: Any

    @configured_timer("digest_interval_seconds", 300)
    def send_digests(self) -> None:
        digest.send_digests(self.uow, now(), self.settings)
