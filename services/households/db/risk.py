"""Risk and relapse reads and writes (`uow.risks`): each signal read set-based for many cases at
once (an import reassesses a batch's cases in a few statements)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from infra.money import from_satang
from infra.statements import conflict_insert, insert_ignoring_duplicates
from services.households.db.risk_signals import SignalReads
from services.households.db.risk_tables import case_risks, loan_arrears, relapses
from services.households.db.tables import households, surveys, transitions
from services.households.domain.risk import Assessment, CaseRisk, Signals

ASSESSED_STAGES = ("target", "compass", "manage", "care", "graduated")
h = households.c


class CaseRef(NamedTuple):
    """A case to reassess, with what it was last assessed on (None: never)."""

    id: str
    village_code: str
    team_id: str | None
    level: str
    signals: Signals | None


class Graduate(NamedTuple):
    """A graduated household with when it (last) graduated and its BMN figures of a year."""

    id: str
    village_code: str
    team_id: str | None
    graduated_at: datetime
    size: int
    annual_income_thb: Decimal


class RiskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def cases(self, household_ids: Sequence[str]) -> list[CaseRef]:
        """The open or graduated cases among these households (the others are not assessed)."""
        if not household_ids:
            return []
        r = case_risks.c
        found = self.session.execute(
            select(h.id, h.village_code, h.team_id, h.risk_level, case_risks)
            .outerjoin(case_risks, r.household_id == h.id)
            .where(h.id.in_(household_ids), h.stage.in_(ASSESSED_STAGES))
            .order_by(h.id)
        )
        return [CaseRef(row[0], row[1], row[2], row[3], _stored(row)) for row in found]

    def signals(self, household_ids: Sequence[str], since: date) -> dict[str, Signals]:
        """Each household's signals now; `since`: the first due day a missed visit counts from."""
        reads = SignalReads(self.session)
        missed = reads.missed(household_ids, since)
        arrears = reads.arrears(household_ids)
        falls = reads.income_falls(household_ids)
        worse = reads.bmn_worsened(household_ids)
        return {
            hid: Signals(
                missed_visits=missed.get(hid, 0),
                loans_in_arrears=arrears.get(hid, (0, 0))[0],
                arrears_days=arrears.get(hid, (0, 0))[1],
                income_fall_percent=falls.get(hid, Decimal(0)),
                bmn_worsened=worse.get(hid, 0),
            )
            for hid in household_ids
        }

    def save(
        self, household_id: str, assessed: Assessment, signals: Signals, now: datetime
    ) -> None:
        values = {
            "level": assessed.level,
            "points": assessed.points,
            "signals": ",".join(assessed.signals),
            "missed_visits": min(signals.missed_visits, 32767),
            "loans_in_arrears": min(signals.loans_in_arrears, 32767),
            "arrears_days": signals.arrears_days,
            "income_fall_percent": int(signals.income_fall_percent),
            "bmn_worsened": min(signals.bmn_worsened, 32767),
            "assessed_at": now,
        }
        statement = conflict_insert(self.session, case_risks).values(
            household_id=household_id, **values
        )
        self.session.execute(
            statement.on_conflict_do_update(index_elements=[case_risks.c.household_id], set_=values)
        )
        self.session.execute(
            update(households).where(h.id == household_id).values(risk_level=assessed.level)
        )

    def assessment(self, household_id: str) -> CaseRisk | None:
        row = self.session.execute(
            select(case_risks).where(case_risks.c.household_id == household_id)
        ).first()
        if row is None:
            return None
        values = dict(row._mapping)
        values.pop("household_id")
        return CaseRisk(**{**values, "signals": tuple(filter(None, row.signals.split(",")))})

    def record_arrears(self, loan_id: str, household_id: str, days: int, as_of: date) -> None:
        """Funding's latest news of a loan (days overdue, 0 once repaid); older news is ignored
        (its events travel on separate queues and may arrive out of order)."""
        statement = conflict_insert(self.session, loan_arrears).values(
            loan_id=loan_id, household_id=household_id, days_overdue=days, as_of=as_of
        )
        excluded = statement.excluded
        self.session.execute(
            statement.on_conflict_do_update(
                index_elements=[loan_arrears.c.loan_id],
                set_={"days_overdue": excluded.days_overdue, "as_of": excluded.as_of},
                where=loan_arrears.c.as_of <= excluded.as_of,
            )
        )

    def graduates(self, household_ids: Sequence[str], survey_year: int) -> list[Graduate]:
        """Graduated households among these, with their survey of `survey_year`."""
        if not household_ids:
            return []
        t, s = transitions.c, surveys.c
        graduated_at = (
            select(func.max(t.changed_at))
            .where(t.household_id == h.id, t.to_stage == "graduated")
            .scalar_subquery()
        )
        found = self.session.execute(
            select(h.id, h.village_code, h.team_id, graduated_at, s.size, s.annual_income_satang)
            .join(surveys, (s.household_id == h.id) & (s.survey_year == survey_year))
            .where(h.id.in_(household_ids), h.stage == "graduated")
        )
        return [Graduate(*row[:5], from_satang(row[5])) for row in found if row[3] is not None]

    def flag_relapse(self, row: dict[str, Any]) -> bool:
        """True for the first flag of this household and survey year (an import may rerun)."""
        statement = insert_ignoring_duplicates(self.session, relapses).values(**row)
        return self.session.execute(statement).rowcount == 1


def _stored(row: Any) -> Signals | None:
    if row.level is None:
        return None
    return Signals(
        row.missed_visits,
        row.loans_in_arrears,
        row.arrears_days,
        Decimal(row.income_fall_percent),
        row.bmn_worsened,
    )
