"""Which dates make sense for what a date means: a visit is not in 9999, an as-of date is near
today. Payload fields take one of the spans here (infra.fields.Day and Moment)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta


@dataclass(frozen=True)
class Span:
    """Dates from a floor (fixed, or `days_back` before today) to a ceiling (fixed, or
    `days_ahead` after today). Today is UTC's; a day of slack ahead covers Thailand (UTC+7) being
    a day further on at night."""

    name: str
    earliest: date | None = None
    days_back: int | None = None
    days_ahead: int = 1
    latest: date | None = None

    def bounds(self, today: date | None = None) -> tuple[date, date]:
        today = today or datetime.now(UTC).date()
        floor = self.earliest if self.days_back is None else today - timedelta(self.days_back)
        ceiling = self.latest or today + timedelta(self.days_ahead)
        return floor or date.min, ceiling

    def problem(self, day: date, today: date | None = None) -> str | None:
        """Why `day` is out of this span, or None."""
        low, high = self.bounds(today)
        if day < low:
            return f"{self.name}: not before {low.isoformat()}"
        if day > high:
            return f"{self.name}: not after {high.isoformat()}"
        return None

    def describe(self) -> str:
        floor = (
            f"{self.days_back} days before today"
            if self.days_back is not None
            else (self.earliest or date.min).isoformat()
        )
        ceiling = self.latest.isoformat() if self.latest else f"{self.days_ahead} days after today"
        return f"{self.name}: from {floor} to {ceiling}"


# Something that has happened: a visit, a payment, a meeting, a training session, a report.
HAPPENED = Span("a day that has passed", earliest=date(2000, 1, 1))
# The day a portfolio report is drawn up for: the past, or a projection up to two years ahead.
REPORTED = Span("a report date", earliest=date(2000, 1, 1), days_ahead=731)
# The day money moved or a meeting was held, as the funding books take it: the use cases hold the
# exact window (not in the future, at most `max_backdate_days` back) against their own clock;
# this only keeps absurd days (0001, 9999) from reaching them.
BOOKED = Span("a booking day", earliest=date(2000, 1, 1), latest=date(2100, 12, 31))
# The day an arrears run judges loans on: near today, as it announces what is overdue now.
RUN = Span("a run date near today", days_back=31)
# A person's birth.
BIRTH = Span("a birth date", earliest=date(1900, 1, 1), days_ahead=0)
# Joining a group, a group's registration, a trainer's course: may lie decades back.
JOINED = Span("a day that has passed", earliest=date(1950, 1, 1))
# A deadline in a plan: planned ahead, but not past a decade.
PLANNED = Span("a planned day", earliest=date(2000, 1, 1), days_ahead=3660)
