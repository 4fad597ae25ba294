"""The savings-and-loans report's SQL: groups, members, savings, loans with arrears ageing and
funding-access requests per child area (a GROUP BY on the village code's prefix)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from infra.caller import Caller
from infra.reach import inside
from services.funding.db.access_tables import funding_requests
from services.funding.db.loan_tables import installments, loans
from services.funding.db.loans import UNPAID
from services.funding.db.tables import groups, members
from services.funding.db.visibility import groups_visible_to
from services.funding.domain.policy import is_reader

g = groups.c
OWED_PRINCIPAL = installments.c.principal_satang - installments.c.principal_paid_satang
UNPAID_AMOUNT = (installments.c.principal_satang + installments.c.interest_satang) - (
    installments.c.principal_paid_satang + installments.c.interest_paid_satang
)


@dataclass(frozen=True)
class FundingWindow:
    caller: Caller
    area: str
    parts: tuple[str, ...]
    key_length: int
    today: date
    year: tuple[date, date]
    moments: tuple[datetime, datetime]

    def key(self, column: Any) -> Any:
        return func.substr(column, 1, self.key_length).label("key")

    def in_area(self, column: Any) -> ColumnElement[bool]:
        return and_(inside(column, [self.area]), inside(column, self.parts))

    def groups(self) -> ColumnElement[bool]:
        """The caller's groups in the caller's parts of the area (as the group list shows)."""
        return and_(self.in_area(g.village_code), groups_visible_to(self.caller))


def _satang(expression: Any) -> Any:
    return func.coalesce(func.sum(expression), 0)


def group_figures(session: Session, window: FundingWindow) -> list[Any]:
    active = select(members.c.group_id, func.count().label("n")).where(
        members.c.status == "active"
    ).group_by(members.c.group_id).subquery()  # fmt: skip
    key = window.key(g.village_code)
    statement = (
        select(key, func.count().label("groups"),
               func.coalesce(func.sum(active.c.n), 0).label("members"),
               _satang(g.savings_satang).label("savings"))
        .outerjoin(active, active.c.group_id == g.id)
        .where(window.groups())
        .group_by(key)
    )  # fmt: skip
    return session.execute(statement).all()


def loan_positions(session: Session, window: FundingWindow) -> Any:
    """One row per disbursed loan: its area key, principal owed, oldest late due date, arrears."""
    late = and_(installments.c.due_on < window.today, UNPAID)
    return (
        select(
            window.key(g.village_code),
            _satang(OWED_PRINCIPAL).label("owed"),
            func.min(case((late, installments.c.due_on))).label("oldest"),
            _satang(case((late, UNPAID_AMOUNT), else_=0)).label("arrears"),
        )
        .join(groups, g.id == loans.c.group_id)
        .join(installments, installments.c.loan_id == loans.c.id)
        .where(window.groups(), loans.c.status == "disbursed")
        .group_by(loans.c.id, g.village_code)
        .subquery()
    )


def ageing(session: Session, window: FundingWindow) -> list[Any]:
    """Principal owed per arrears bucket: days overdue compared as dates, so both backends agree."""
    loan = loan_positions(session, window)
    since = {days: window.today - timedelta(days) for days in (30, 60, 90)}
    buckets = {
        "current": loan.c.oldest.is_(None),
        "1_30": loan.c.oldest >= since[30],
        "31_60": and_(loan.c.oldest < since[30], loan.c.oldest >= since[60]),
        "61_90": and_(loan.c.oldest < since[60], loan.c.oldest >= since[90]),
        "over_90": loan.c.oldest < since[90],
    }
    statement = select(
        loan.c.key,
        func.count().label("loans_outstanding"),
        func.count(loan.c.oldest).label("loans_in_arrears"),  # an installment late
        _satang(loan.c.owed).label("principal_outstanding"),
        _satang(loan.c.arrears).label("arrears"),
        *(_satang(case((when, loan.c.owed), else_=0)).label(f"owed_{name}")
          for name, when in buckets.items()),
        _satang(case((loan.c.oldest < since[30], loan.c.owed), else_=0)).label("at_risk_30"),
    ).group_by(loan.c.key)  # fmt: skip
    return session.execute(statement).all()


def written_off(session: Session, window: FundingWindow) -> list[Any]:
    start, end = window.year
    key = window.key(g.village_code)
    statement = (
        select(key, func.count().label("loans_written_off"),
               _satang(loans.c.written_off_satang).label("written_off"))
        .join(groups, g.id == loans.c.group_id)
        .where(window.groups(), loans.c.status == "written_off",
               loans.c.closed_on >= start, loans.c.closed_on < end)
        .group_by(key)
    )  # fmt: skip
    return session.execute(statement).all()


def requests_by_outcome(session: Session, window: FundingWindow) -> list[Any]:
    r = funding_requests.c
    start, end = window.moments
    conditions = [window.in_area(r.village_code), r.received_at >= start, r.received_at < end]
    if not (window.caller.is_admin or is_reader(window.caller)):  # officers: their groups'
        conditions.append(r.group_id.in_(select(g.id).where(groups_visible_to(window.caller))))
    key = window.key(r.village_code)
    statement = (
        select(key, r.status, func.count().label("n"))
        .where(*conditions)
        .group_by(key, r.status)
    )  # fmt: skip
    return session.execute(statement).all()


class ReportQueries:
    """The savings-and-loans report's questions, a statement each, over this transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def figures(self, window: FundingWindow) -> list[Any]:
        """Rows of money and counts per area key: groups, ageing and write-offs."""
        return [
            *group_figures(self.session, window),
            *ageing(self.session, window),
            *written_off(self.session, window),
        ]

    def requests_by_outcome(self, window: FundingWindow) -> list[Any]:
        return requests_by_outcome(self.session, window)
