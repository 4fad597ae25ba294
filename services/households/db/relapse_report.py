"""The relapses report's SQL: relapses flagged by the end of the fiscal year, per child area, by
the fiscal year the household graduated in (`uow.risks_report`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from services.households.db.reports import CasesFilter, window_of
from services.households.db.risk_tables import relapses
from services.households.db.tables import households

r = relapses.c


class RelapseReportQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def relapses(
        self, wanted: CasesFilter, graduation_spans: dict[str, tuple[datetime, datetime]]
    ) -> list[Any]:
        """Per child area: `relapsed` (all flagged by the year's end) and one count per span
        of `graduation_spans` (column key -> [start, end) of the graduation)."""
        window = window_of(wanted)
        n = func.count()
        by_graduation = [
            n.filter(and_(r.graduated_at >= start, r.graduated_at < end)).label(key)
            for key, (start, end) in graduation_spans.items()
        ]
        statement = (
            select(window.key, n.label("relapsed"), *by_graduation)
            .join(households, households.c.id == r.household_id)
            .where(window.visible, r.flagged_at < wanted.year_end)
            .group_by(window.key)
        )
        return self.session.execute(statement).all()
