"""The FUNDING block of the configuration (read once per container: `infra.settings`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    max_backdate_days: int = 31
    max_sheet_lines: int = 200
    arrears_job_hour: int = 2
    arrears_batch_size: int = 500

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        block = config.get("FUNDING") or {}
        return cls(**{k: int(v) for k, v in block.items() if k in cls.__dataclass_fields__})
