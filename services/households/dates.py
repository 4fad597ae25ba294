"""Dates as Thai users live them: due dates and "today" are Bangkok calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(BANGKOK).date()
