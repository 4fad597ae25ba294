"""The HOUSEHOLDS block of the configuration (read once per container: `infra.settings`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from services.households.domain.risk import RiskRule

DEFAULT_THRESHOLDS = {2017: Decimal("38000")}
IMPORT_EVENTS = ("per_household", "per_tambon")  # see db/import_events.py


@dataclass(frozen=True)
class Settings:
    visit_interval_days: int = 30
    income_thresholds_thb: dict[int, Decimal] = field(
        default_factory=lambda: dict(DEFAULT_THRESHOLDS)
    )
    overdue_check_seconds: float = 60.0
    import_poll_seconds: float = 2.0
    import_max_bytes: int = 256 * 1024 * 1024  # a million-row province file is ~100 MB
    import_batch_rows: int = 5000
    import_writers: int = 2  # batches written at once on PostgreSQL (SQLite: always one)
    import_lease_seconds: float = 120.0
    # per_tambon: one households_imported event per batch and tambon (teams reads it);
    # per_household: a household_registered event per imported household
    import_events: str = "per_tambon"
    risk: RiskRule = field(default_factory=RiskRule)  # HOUSEHOLDS.risk: docs/households.md

    def __post_init__(self) -> None:
        if self.import_events not in IMPORT_EVENTS:
            raise ValueError(f"HOUSEHOLDS.import_events must be one of {', '.join(IMPORT_EVENTS)}")
        if self.import_writers < 1:
            raise ValueError("HOUSEHOLDS.import_writers must be at least 1")

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        block = dict(config.get("HOUSEHOLDS") or {})
        thresholds = block.pop("income_threshold_thb", None)
        block["risk"] = RiskRule.from_config(block.get("risk"))
        known = {k: v for k, v in block.items() if k in cls.__dataclass_fields__}
        settings = cls(**known)
        if thresholds:
            parsed = {int(y): Decimal(str(v)) for y, v in thresholds.items()}
            settings = cls(**{**known, "income_thresholds_thb": parsed})
        return settings
