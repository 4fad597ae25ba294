"""Each risk signal of many households at once, read from its own table in one grouped query
(`db/risk.py` puts them together)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, bindparam, func, select
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
        found = self.session.execute(_MISSED, {"ids": list(ids), "since": since})
        return {hid: count for hid, count in found}

    def arrears(self, ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        found = self.session.execute(_ARREARS, {"ids": list(ids)})
        return {hid: (count, days) for hid, count, days in found}

    def income_falls(self, ids: Sequence[str]) -> dict[str, Decimal]:
        # one household (a visit logged): its two latest through the index, not all its visits
        latest = _INCOMES_OF_ONE if len(ids) == 1 else _INCOMES
        return {
            hid: income_fall_percent(from_satang(pair[1]), from_satang(pair[0]))
            for hid, pair in self._pairs(latest, ids).items()
        }

    def bmn_worsened(self, ids: Sequence[str]) -> dict[str, int]:
        return {hid: max(pair[0] - pair[1], 0) for hid, pair in self._pairs(_BMN, ids).items()}

    def _pairs(self, statement: Any, ids: Sequence[str]) -> dict[str, list[Any]]:
        """household -> [latest value, the one before], for households with two values."""
        values: dict[str, list[Any]] = defaultdict(list)
        for hid, value in self.session.execute(statement, {"ids": list(ids)}):
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


# Built once (a visit's reassessment runs them all); `ids` expands to the households asked about.
_IDS = bindparam("ids", expanding=True)
_n, _a, _v, _s = overdue_notices.c, loan_arrears.c, visit_rows.c, surveys.c
_MISSED = (
    select(_n.household_id, func.count())
    .where(_n.household_id.in_(_IDS), _n.due_on >= bindparam("since", type_=Date))
    .group_by(_n.household_id)
)
_ARREARS = (
    select(_a.household_id, func.count(), func.max(_a.days_overdue))
    .where(_a.household_id.in_(_IDS), _a.days_overdue > 0)
    .group_by(_a.household_id)
)
_INCOME_ORDER = (_v.visited_at.desc(), _v.recorded_at.desc())
_INCOMES_LISTED = select(_v.household_id, _v.income_pp_satang).where(
    _v.household_id.in_(_IDS), _v.income_pp_satang.is_not(None)
)
_INCOMES_OF_ONE = _INCOMES_LISTED.order_by(*_INCOME_ORDER).limit(2)
_INCOMES = _two_latest(_INCOMES_LISTED, _v.household_id, _INCOME_ORDER)
_BMN = _two_latest(
    select(_s.household_id, _s.failed_count).where(_s.household_id.in_(_IDS)),
    _s.household_id,
    (_s.survey_year.desc(),),
)
