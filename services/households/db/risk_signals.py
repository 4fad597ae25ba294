"""Each risk signal of many households at once, read from its own table in one grouped query
(`db/risk.py` puts them together)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from infra.money import from_satang
from services.households.db.risk_tables import loan_arrears
from services.households.db.tables import overdue_notices, surveys
from services.households.db.tables import visits as visit_rows
from services.households.domain.risk import income_fall_percent


class SignalReads:
    def __init__(self, session: Session) -> None:
        self.session = session

    def missed(self, ids: Sequence[str], since: date) -> dict[str, int]:
        n = overdue_notices.c
        found = self.session.execute(
            select(n.household_id, func.count())
            .where(n.household_id.in_(ids), n.due_on >= since)
            .group_by(n.household_id)
        )
        return {hid: count for hid, count in found}

    def arrears(self, ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        a = loan_arrears.c
        found = self.session.execute(
            select(a.household_id, func.count(), func.max(a.days_overdue))
            .where(a.household_id.in_(ids), a.days_overdue > 0)
            .group_by(a.household_id)
        )
        return {hid: (count, days) for hid, count, days in found}

    def income_falls(self, ids: Sequence[str]) -> dict[str, Decimal]:
        v = visit_rows.c
        order = (v.visited_at.desc(), v.recorded_at.desc())
        incomes = select(v.household_id, v.income_pp_satang).where(
            v.household_id.in_(ids), v.income_pp_satang.is_not(None)
        )
        # one household (a visit logged): its two latest through the index, not all its visits
        latest = (
            incomes.order_by(*order).limit(2)
            if len(ids) == 1
            else _two_latest(incomes, v.household_id, order)
        )
        return {
            hid: income_fall_percent(from_satang(pair[1]), from_satang(pair[0]))
            for hid, pair in self._pairs(latest).items()
        }

    def bmn_worsened(self, ids: Sequence[str]) -> dict[str, int]:
        s = surveys.c
        latest = _two_latest(
            select(s.household_id, s.failed_count).where(s.household_id.in_(ids)),
            s.household_id,
            (s.survey_year.desc(),),
        )
        return {hid: max(pair[0] - pair[1], 0) for hid, pair in self._pairs(latest).items()}

    def _pairs(self, statement: Any) -> dict[str, list[Any]]:
        """household -> [latest value, the one before], for households with two values."""
        values: dict[str, list[Any]] = defaultdict(list)
        for hid, value in self.session.execute(statement):
            values[hid].append(value)
        return {hid: pair for hid, pair in values.items() if len(pair) == 2}


def _two_latest(statement: Any, key: Any, order: tuple[Any, ...]) -> Any:
    numbered = statement.add_columns(
        func.row_number().over(partition_by=key, order_by=order).label("n")
    ).subquery()
    columns = list(numbered.c)
    return (
        select(columns[0], columns[1]).where(numbered.c.n <= 2).order_by(columns[0], numbered.c.n)
    )
