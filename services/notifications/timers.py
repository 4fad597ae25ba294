"""A nameko timer whose interval comes from the NOTIFICATIONS block of the configuration."""

from __future__ import annotations

from typing import Any

from nameko.timer import Timer


class ConfiguredTimer(Timer):
    def __init__(self, setting: str, default: float, **kwargs: Any) -> None:
        super().__init__(interval=default, **kwargs)
        self.setting = setting

    def setup(self) -> None:
        block = self.container.config.get("NOTIFICATIONS") or {}
        self.interval = float(block.get(self.setting, self.interval))


configured_timer = ConfiguredTimer.decorator
