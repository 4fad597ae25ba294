"""The timer that climbs open escalations up the ladder."""

from __future__ import annotations

from typing import Any

from infra.timers import configured_timer
from services.notifications.entrypoints.common import now
from services.notifications.usecases import ladder


class LadderEntrypoints:
    uow: Any
    settings: Any

    @configured_timer("ladder_interval_seconds", 60)
    def climb_escalations(self) -> None:
        ladder.tick(self.uow, now(), self.settings)
