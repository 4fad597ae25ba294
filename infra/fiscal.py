"""The Thai fiscal year (ปีงบประมาณ), the one rule every service and the gateway use.

A fiscal year runs 1 October to 30 September in Bangkok and is named in the Buddhist Era by the
year it ends in: 2570 is 1 Oct 2026 00:00 to 30 Sep 2027 24:00 Bangkok time (UTC+7), so it starts
at 30 Sep 2026 17:00 UTC. Which fiscal year a moment falls in is decided on its Bangkok day.

Years that may be asked for (reports) or kept (targets, sub-district plans): from 2560, the first
year of the Sammachip programme's data (older years are typing mistakes, or Gregorian years), to
five years beyond the current one, since targets are planned ahead and a report may be asked for
any year a target can be set for.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

THAILAND = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543
FIRST_FISCAL_YEAR = 2560
YEARS_AHEAD = 5


def thai_today(now: datetime | None = None) -> date:
    """The day it is in Bangkok at `now` (an aware moment; default: now)."""
    return (now or datetime.now(UTC)).astimezone(THAILAND).date()


def fiscal_year_of(day: date) -> int:
    """The fiscal year a Bangkok day falls in: 1 Oct 2026 starts 2570."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def fiscal_year_at(moment: datetime) -> int:
    """The fiscal year an aware moment falls in (30 Sep 2026 17:00 UTC is already 2570)."""
    return fiscal_year_of(thai_today(moment))


def current_fiscal_year(now: datetime | None = None) -> int:
    return fiscal_year_at(now or datetime.now(UTC))


def first_day(year: int) -> date:
    return date(year - BE_OFFSET - 1, 10, 1)


def last_day(year: int) -> date:
    return date(year - BE_OFFSET, 9, 30)


def fiscal_year_days(year: int) -> tuple[date, date]:
    """First day of the fiscal year and the first day after it (1 Oct - 30 Sep)."""
    return first_day(year), first_day(year + 1)


def fiscal_year_span(year: int) -> tuple[datetime, datetime]:
    """The fiscal year as UTC moments, start inclusive and end exclusive (Bangkok midnights)."""
    start, end = fiscal_year_days(year)
    return _bangkok_midnight(start), _bangkok_midnight(end)


def _bangkok_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), THAILAND).astimezone(UTC)


def fiscal_year_problem(year: int, today: date | None = None) -> str | None:
    """Why `year` is no fiscal year that may be asked for or kept, or None (`today`: Bangkok's)."""
    latest = fiscal_year_of(today or thai_today()) + YEARS_AHEAD
    if not FIRST_FISCAL_YEAR <= year <= latest:
        return f"a Buddhist-era fiscal year from {FIRST_FISCAL_YEAR} to {latest}"
    return None
