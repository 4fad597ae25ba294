"""The data of the events funding publishes, from domain objects (ids and money, no names)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from services.funding.db.arrears import OverdueLoan
from services.funding.domain.access import FundingRequest
from services.funding.domain.group import Group
from services.funding.domain.loan import Loan, LoanStatus


def access_granted(request: FundingRequest) -> dict[str, Any]:
    return {
        "household_id": request.applicant.household_id,
        "intervention_id": request.applicant.intervention_id,
        "group_id": request.group_id,
        "member_id": request.member_id,
        "village_code": request.applicant.village_code,
    }


def access_declined(request: FundingRequest) -> dict[str, Any]:
    return {
        "household_id": request.applicant.household_id,
        "intervention_id": request.applicant.intervention_id,
        "village_code": request.applicant.village_code,
        "reason": request.reason,
    }


def loan_disbursed(group: Group, loan: Loan, now: datetime) -> dict[str, Any]:
    return {
        **_loan_ids(group, loan),
        "intervention_id": loan.link.intervention_id,
        "amount_thb": loan.principal,
        "disbursed_at": now,
        "disbursed_on": loan.disbursed_on,
    }


def loan_repaid(
    group: Group, loan: Loan, amount: Decimal, on: date, now: datetime
) -> dict[str, Any]:
    return {
        **_loan_ids(group, loan),
        "amount_thb": amount,
        "outstanding_thb": loan.outstanding_principal,
        "in_arrears": loan.arrears(on).days_overdue > 0,
        "closed": loan.status is LoanStatus.CLOSED,
        "repaid_at": now,
        "repaid_on": on,
    }


def loan_written_off(group: Group, loan: Loan, now: datetime) -> dict[str, Any]:
    return {
        **_loan_ids(group, loan),
        "amount_thb": loan.written_off,
        "written_off_at": now,
        "written_off_on": loan.closed_on,
    }


def loan_overdue(overdue: OverdueLoan, as_of: date) -> dict[str, Any]:
    return {
        "loan_id": overdue.loan_id,
        "group_id": overdue.group_id,
        "household_id": overdue.household_id,
        "village_code": overdue.village_code,
        "bucket": overdue.arrears.bucket,
        "days_overdue": overdue.arrears.days_overdue,
        "arrears_thb": overdue.arrears.amount,
        "as_of": as_of,
    }


def _loan_ids(group: Group, loan: Loan) -> dict[str, Any]:
    return {
        "loan_id": loan.id,
        "group_id": group.id,
        "member_id": loan.member_id,
        "household_id": loan.link.household_id,
        "village_code": group.village_code,
    }
