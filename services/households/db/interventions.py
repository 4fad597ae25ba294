"""Interventions and the loans that belong to them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from infra.money import from_satang, to_satang
from infra.versions import save_versioned
from services.households.db.tables import interventions, loans
from services.households.domain.intervention import CLOSED, FundingRequest, Intervention
from services.households.vocabulary import Kind, Status

# built once: every case read runs it
_OF_HOUSEHOLD = (
    select(interventions)
    .where(interventions.c.household_id == bindparam("key"))
    .order_by(interventions.c.requested_at, interventions.c.id)
)


class InterventionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: Intervention) -> None:
        self.session.execute(insert(interventions).values(**_row(item)))

    def save(self, item: Intervention) -> None:
        """Write the intervention at the new version it was given, if unchanged meanwhile."""
        save_versioned(self.session, interventions, "id", _row(item))

    def get(self, intervention_id: str) -> Intervention | None:
        row = self.session.execute(
            select(interventions).where(interventions.c.id == intervention_id)
        ).first()
        return None if row is None else _intervention(row)

    def of_household(self, household_id: str) -> list[Intervention]:
        rows = self.session.execute(_OF_HOUSEHOLD, {"key": household_id})
        return [_intervention(r) for r in rows]

    def open_count(self, household_id: str) -> int:
        return self.session.execute(
            select(func.count()).where(
                interventions.c.household_id == household_id,
                interventions.c.status.not_in(sorted(CLOSED)),
            )
        ).scalar_one()

    def add_loan(self, loan_id: str, household_id: str, intervention_id: str | None) -> None:
        self.session.execute(
            insert(loans).values(
                loan_id=loan_id, household_id=household_id, intervention_id=intervention_id
            )
        )

    def loan(self, loan_id: str) -> Any:
        return self.session.execute(select(loans).where(loans.c.loan_id == loan_id)).first()


def _row(item: Intervention) -> dict[str, Any]:
    funding = item.funding
    return {
        "id": item.id,
        "household_id": item.household_id,
        "kind": item.kind.value,
        "owner": item.owner,
        "description": item.description,
        "agency": item.agency,
        "amount_satang": funding and to_satang(funding.amount_thb),
        "purpose": funding and funding.purpose,
        "term_months": funding and funding.term_months,
        "status": item.status.value,
        "outcome": item.outcome,
        "requested_by": item.requested_by,
        "requested_at": item.requested_at,
        "changed_at": item.changed_at,
        "loan_id": item.loan_id,
        "version": item.version,
    }


def _intervention(row: Any) -> Intervention:
    funding = None
    if row.amount_satang is not None:
        funding = FundingRequest(from_satang(row.amount_satang), row.purpose, row.term_months)
    return Intervention(
        household_id=row.household_id,
        kind=Kind(row.kind),
        owner=row.owner,
        description=row.description,
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        agency=row.agency,
        funding=funding,
        status=Status(row.status),
        outcome=row.outcome,
        changed_at=row.changed_at,
        loan_id=row.loan_id,
        id=row.id,
        version=row.version,
    )
