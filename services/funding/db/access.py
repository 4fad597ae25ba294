"""Funding-access requests: their repository."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.versions import save_versioned
from services.funding.db.access_tables import funding_requests
from services.funding.db.convert import from_satang, to_satang
from services.funding.db.queries import RequestQuery
from services.funding.domain.access import Applicant, FundingRequest, Need, RequestStatus


class FundingRequestRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, request: FundingRequest) -> None:
        self.session.execute(insert(funding_requests).values(**_columns(request)))

    def save(self, request: FundingRequest) -> None:
        """A changed request: refused (412) unless the row still holds the version before."""
        save_versioned(self.session, funding_requests, "id", _columns(request))

    def get(self, request_id: str) -> FundingRequest | None:
        row = self.session.execute(
            select(funding_requests).where(funding_requests.c.id == request_id)
        ).first()
        return _request(row) if row else None

    def by_intervention(self, intervention_id: str) -> FundingRequest | None:
        row = self.session.execute(
            select(funding_requests).where(funding_requests.c.intervention_id == intervention_id)
        ).first()
        return _request(row) if row else None

    def list(self, group_id: str, query: RequestQuery) -> Page[FundingRequest]:
        statement = select(funding_requests).where(funding_requests.c.group_id == group_id)
        if query.status:
            statement = statement.where(funding_requests.c.status == query.status)
        keys = [funding_requests.c.received_at, funding_requests.c.id]
        rows = self.session.execute(
            keyset(statement, keys, query.after, query.limit, descending=True)
        ).all()
        found = page(rows, query.limit, key=lambda r: [r.received_at, r.id])
        return Page([_request(row) for row in found.items], found.next)


def _columns(request: FundingRequest) -> dict[str, Any]:
    applicant, need = request.applicant, request.need
    return {
        "id": request.id,
        "intervention_id": applicant.intervention_id,
        "household_id": applicant.household_id,
        "village_code": applicant.village_code,
        "first_name": applicant.first_name,
        "last_name": applicant.last_name,
        "amount_satang": to_satang(need.amount),
        "purpose": need.purpose,
        "term_months": need.term_months,
        "requested_at": request.requested_at,
        "received_at": request.received_at,
        "status": request.status.value,
        "group_id": request.group_id,
        "member_id": request.member_id,
        "loan_id": request.loan_id,
        "reason": request.reason,
        "decided_by": request.decided_by,
        "decided_at": request.decided_at,
        "version": request.version,
    }


def _request(row: Any) -> FundingRequest:
    return FundingRequest(
        applicant=Applicant(
            row.household_id, row.intervention_id, row.village_code, row.first_name, row.last_name
        ),
        need=Need(from_satang(row.amount_satang), row.purpose, row.term_months),
        requested_at=row.requested_at,
        received_at=row.received_at,
        status=RequestStatus(row.status),
        group_id=row.group_id,
        member_id=row.member_id,
        loan_id=row.loan_id,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        id=row.id,
        version=row.version,
    )
