"""What every entrypoint mixin of this service shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

Json = dict[str, Any]


def now() -> datetime:
    return datetime.now(UTC)
