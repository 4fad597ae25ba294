"""The escalations report's SQL: counts per child area (GROUP BY the area code's prefix), and the
times to acknowledge and resolve that the medians are taken over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from infra.reach import inside
from services.notifications.db.tables import escalations

e = escalations.c


@dataclass(frozen=True)
class EscalationWindow:
    area: str
    parts: tuple[str, ...]
    key_length: int
    year_start: datetime
    year_end: datetime

    @property
    def key(self) -> Any:
        return func.substr(e.area_code, 1, self.key_length).label("key")

    def visible(self) -> ColumnElement[bool]:
        """Announced escalations in the caller's parts of the area (waiting ones: nobody's yet)."""
        return and_(inside(e.area_code, [self.area]), inside(e.area_code, self.parts),
                    e.status != "waiting")  # fmt: skip

    def within(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.year_start, column < self.year_end)


def _when(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def escalation_counts(session: Session, window: EscalationWindow, kinds: tuple[str, ...]) -> list:
    opened = window.within(e.opened_at)
    counts = [
        _when(opened).label("opened"),
        _when(window.within(e.acknowledged_at)).label("acknowledged"),
        _when(window.within(e.resolved_at)).label("resolved"),
        _when(window.within(e.closed_at)).label("closed"),
        *(_when(and_(e.status == "open", e.level == level)).label(f"open_level_{level}")
          for level in (0, 1, 2)),
        _when(e.status == "acknowledged").label("acknowledged_open"),
        *(_when(and_(opened, e.kind == kind)).label(f"opened_{kind}") for kind in kinds),
    ]  # fmt: skip
    statement = select(window.key, *counts).where(window.visible()).group_by(window.key)
    return session.execute(statement).all()


def answer_times(session: Session, window: EscalationWindow) -> list[Any]:
    """Escalations opened in the year that someone acknowledged or resolved: their moments."""
    statement = select(window.key, e.opened_at, e.acknowledged_at, e.resolved_at).where(
        window.visible(),
        window.within(e.opened_at),
        (e.acknowledged_at.is_not(None)) | (e.resolved_at.is_not(None)),
    )
    return session.execute(statement).all()


class EscalationReportQueries:
    """The escalations report's reads, for the unit of work (`uow.reports`)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def counts(self, window: EscalationWindow, kinds: tuple[str, ...]) -> list[Any]:
        return escalation_counts(self.session, window, kinds)

    def answer_times(self, window: EscalationWindow) -> list[Any]:
        return answer_times(self.session, window)
