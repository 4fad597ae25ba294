"""The daily digest: one summary a day for people who prefer it to many messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MAX_LINES = 50


@dataclass(frozen=True)
class DigestWindow:
    day: date  # the local day whose digest this is
    start: datetime  # notifications filed from here (inclusive, UTC) ...
    end: datetime  # ... to here (exclusive): the digest hour of `day`


def due_window(now: datetime, hour: int, zone: ZoneInfo) -> DigestWindow | None:
    """Today's window once the local digest hour has come; None before it."""
    local = now.astimezone(zone)
    if local.hour < hour:
        return None
    end = datetime.combine(local.date(), time(hour), zone).astimezone(now.tzinfo)
    return DigestWindow(local.date(), end - timedelta(days=1), end)


def digest_lines(titles: Sequence[str], more_label: str) -> str:
    lines = [f"- {title}" for title in titles[:MAX_LINES]]
    if len(titles) > MAX_LINES:
        lines.append(more_label.format(count=len(titles) - MAX_LINES))
    return "\n".join(lines)
