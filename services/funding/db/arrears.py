"""Set-based questions over loans: portfolio positions and overdue loans, one query each; and
the days the daily arrears job has run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from infra.statements import insert_ignoring_duplicates
from services.funding.db.access_tables import job_runs
from services.funding.db.convert import from_satang, to_satang
from services.funding.db.loan_tables import installments, loans, overdue_notices
from services.funding.db.loans import UNPAID
from services.funding.db.tables import groups
from services.funding.domain.arrears import Arrears, Position
from services.funding.domain.loan import LoanStatus

UNPAID_AMOUNT = (installments.c.principal_satang + installments.c.interest_satang) - (
    installments.c.principal_paid_satang + installments.c.interest_paid_satang
)
OWED_PRINCIPAL = installments.c.principal_satang - installments.c.principal_paid_satang


class AnnouncedMeanwhile(Exception):
    """Another run announced one of these notices first. The transaction is spoilt: look again
    in a new one."""


@dataclass(frozen=True)
class OverdueLoan:
    loan_id: str
    group_id: str
    household_id: str | None
    village_code: str
    episode: int
    arrears: Arrears


class PortfolioQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def positions(self, group_ids: list[str], as_of: date) -> list[Position]:
        late = and_(installments.c.due_on < as_of, UNPAID)
        rows = self.session.execute(
            select(
                loans.c.id,
                loans.c.group_id,
                func.sum(OWED_PRINCIPAL).label("outstanding"),
                func.min(case((late, installments.c.due_on))).label("oldest"),
                func.sum(case((late, UNPAID_AMOUNT), else_=0)).label("arrears"),
            )
            .join(installments, installments.c.loan_id == loans.c.id)
            .where(loans.c.status == LoanStatus.DISBURSED.value, loans.c.group_id.in_(group_ids))
            .group_by(loans.c.id, loans.c.group_id)
        )
        return [
            Position(row.id, row.group_id, from_satang(int(row.outstanding)), _arrears(row, as_of))
            for row in rows
        ]

    def overdue(self, as_of: date, after: str, limit: int) -> list[OverdueLoan]:
        """Disbursed loans with an installment unpaid past its due date, by loan id."""
        rows = self.session.execute(
            select(
                loans.c.id,
                loans.c.group_id,
                loans.c.household_id,
                loans.c.arrears_episode,
                groups.c.village_code,
                func.min(installments.c.due_on).label("oldest"),
                func.sum(UNPAID_AMOUNT).label("arrears"),
            )
            .join(installments, installments.c.loan_id == loans.c.id)
            .join(groups, groups.c.id == loans.c.group_id)
            .where(
                loans.c.status == LoanStatus.DISBURSED.value,
                loans.c.id > after,
                installments.c.due_on < as_of,
                UNPAID,
            )
            .group_by(
                loans.c.id,
                loans.c.group_id,
                loans.c.household_id,
                loans.c.arrears_episode,
                groups.c.village_code,
            )
            .order_by(loans.c.id)
            .limit(limit)
        )
        return [_overdue_loan(row, as_of) for row in rows]

    def announced(self, keys: list[tuple[str, int, str]]) -> set[tuple[str, int, str]]:
        if not keys:
            return set()
        columns = (overdue_notices.c.loan_id, overdue_notices.c.episode, overdue_notices.c.bucket)
        rows = self.session.execute(
            select(*columns).where(
                overdue_notices.c.loan_id.in_({k[0] for k in keys}),
                tuple_(*columns).in_(keys),
            )
        )
        return {(row.loan_id, row.episode, row.bucket) for row in rows}

    def announce(self, notices: list[OverdueLoan], as_of: date, now: datetime) -> None:
        """Note each notice once; `AnnouncedMeanwhile` if another run noted one first."""
        if not notices:
            return
        try:
            self.session.execute(insert(overdue_notices), [_notice(n, as_of, now) for n in notices])
        except IntegrityError as taken:  # a notice is unique per loan, episode and bucket
            raise AnnouncedMeanwhile from taken


class JobRuns:
    def __init__(self, session: Session) -> None:
        self.session = session

    def has_run(self, job: str, day: date) -> bool:
        found = self.session.execute(
            select(job_runs.c.job).where(job_runs.c.job == job, job_runs.c.run_on == day)
        ).first()
        return found is not None

    def mark_done(self, job: str, day: date, now: datetime) -> None:
        """Idempotent: a second replica finishing the same day changes nothing."""
        statement = insert_ignoring_duplicates(self.session, job_runs)
        self.session.execute(statement.values(job=job, run_on=day, finished_at=now))


def _overdue_loan(row: Any, as_of: date) -> OverdueLoan:
    arrears = _arrears(row, as_of)
    return OverdueLoan(
        row.id, row.group_id, row.household_id, row.village_code, row.arrears_episode, arrears
    )


def _arrears(row: Any, as_of: date) -> Arrears:
    if row.oldest is None:
        return Arrears.none()
    return Arrears((as_of - row.oldest).days, from_satang(int(row.arrears)), row.oldest)


def _notice(notice: OverdueLoan, as_of: date, now: datetime) -> dict[str, Any]:
    return {
        "loan_id": notice.loan_id,
        "episode": notice.episode,
        "bucket": notice.arrears.bucket,
        "days_overdue": notice.arrears.days_overdue,
        "arrears_satang": to_satang(notice.arrears.amount),
        "as_of": as_of,
        "announced_at": now,
    }
