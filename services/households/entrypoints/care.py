"""The overdue-visit timer (visits themselves are case entrypoints)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.timers import configured_timer
from services.households.dates import today
from services.households.usecases import care


class CareEntrypoints:
    uow: Any

    @configured_timer("overdue_check_seconds", 60.0)
    def announce_overdue_visits(self) -> None:
        now = datetime.now(UTC)
        care.announce_overdue_visits(self.uow, today(now), now)
