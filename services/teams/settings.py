"""The TEAMS block of the configuration (read once per container: `infra.settings`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    admin_username: str = "admin"  # the embedded default's first administrator (bootstrap.py)
    cohort_max_households: int = 30  # a Sammachip cohort trains about 20 households (D5)
    follow_up_after_training_days: int = 30  # a cohort is followed up within this after training

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        block = config.get("TEAMS") or {}
        return cls(
            admin_username=str(block.get("admin_username", "admin")),
            cohort_max_households=int(block.get("cohort_max_households", 30)),
            follow_up_after_training_days=_days(block.get("follow_up_after_training_days", 30)),
        )


def _days(value: Any) -> int:
    days = int(value)
    if not 1 <= days <= 366:
        raise ValueError("TEAMS.follow_up_after_training_days: 1 to 366 days")
    return days
