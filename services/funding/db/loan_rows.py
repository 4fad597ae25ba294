"""Loans and installments as rows: what the repository writes and reads."""

from __future__ import annotations

from typing import Any

from services.funding.db.convert import from_satang, hundredths, to_satang, unhundredths
from services.funding.domain.loan import Link, Loan, LoanStatus
from services.funding.domain.money import ZERO
from services.funding.domain.schedule import Installment
from services.funding.vocabulary import InterestMethod


def loan_columns(loan: Loan) -> dict[str, Any]:
    return {
        "group_id": loan.group_id,
        "member_id": loan.member_id,
        "principal_satang": to_satang(loan.principal),
        "term_months": loan.term_months,
        "purpose": loan.purpose,
        "interest_rate_bp": hundredths(loan.annual_rate),
        "interest_method": loan.method.value,
        "status": loan.status.value,
        "recorded_by": loan.recorded_by,
        "applied_at": loan.applied_at,
        "decided_by": loan.decided_by,
        "decided_at": loan.decided_at,
        "decision_reason": loan.decision_reason,
        "disbursed_on": loan.disbursed_on,
        "closed_on": loan.closed_on,
        "interest_waived_satang": to_satang(loan.interest_waived),
        "written_off_satang": to_satang(loan.written_off),
        "write_off_reason": loan.write_off_reason,
        "arrears_episode": loan.arrears_episode,
        "funding_request_id": loan.link.funding_request_id,
        "household_id": loan.link.household_id,
        "intervention_id": loan.link.intervention_id,
        "version": loan.version,
    }


LOAN_PAYMENT_COLUMNS = (
    "status",
    "closed_on",
    "interest_waived_satang",
    "arrears_episode",
    "version",
)
INSTALLMENT_PAYMENT_COLUMNS = ("interest_satang", "principal_paid_satang", "interest_paid_satang")


def loan_payment(loan: Loan) -> dict[str, Any]:
    """What a repayment changes on a loan's row."""
    columns = loan_columns(loan)
    return {"id": loan.id, **{name: columns[name] for name in LOAN_PAYMENT_COLUMNS}}


def installment_payment(loan_id: str, installment: Installment) -> dict[str, Any]:
    columns = installment_columns(installment)
    values = {name: columns[name] for name in INSTALLMENT_PAYMENT_COLUMNS}
    return {"loan_id": loan_id, "seq": installment.seq, **values}


def installment_columns(installment: Installment) -> dict[str, Any]:
    return {
        "seq": installment.seq,
        "due_on": installment.due_on,
        "principal_satang": to_satang(installment.principal),
        "interest_satang": to_satang(installment.interest),
        "principal_paid_satang": to_satang(installment.principal_paid),
        "interest_paid_satang": to_satang(installment.interest_paid),
    }


INSTALLMENT_COLUMNS = (
    "seq",
    "due_on",
    "principal_satang",
    "interest_satang",
    "principal_paid_satang",
    "interest_paid_satang",
)


def installment_of(row: Any) -> Installment:
    """From a row of INSTALLMENT_COLUMNS (read by the hundred: positional, nothing spare)."""
    seq, due_on, principal, interest, principal_paid, interest_paid = row
    return Installment(
        seq,
        due_on,
        from_satang(principal),
        from_satang(interest),
        from_satang(principal_paid) if principal_paid else ZERO,
        from_satang(interest_paid) if interest_paid else ZERO,
    )


def loan_of(row: Any, schedule: list[Installment]) -> Loan:
    return Loan(
        group_id=row.group_id,
        member_id=row.member_id,
        principal=from_satang(row.principal_satang),
        term_months=row.term_months,
        purpose=row.purpose,
        annual_rate=unhundredths(row.interest_rate_bp),
        method=InterestMethod(row.interest_method),
        recorded_by=row.recorded_by,
        applied_at=row.applied_at,
        link=Link(row.funding_request_id, row.household_id, row.intervention_id),
        status=LoanStatus(row.status),
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        decision_reason=row.decision_reason,
        disbursed_on=row.disbursed_on,
        closed_on=row.closed_on,
        schedule=schedule,
        interest_waived=from_satang(row.interest_waived_satang),
        written_off=from_satang(row.written_off_satang),
        write_off_reason=row.write_off_reason,
        arrears_episode=row.arrears_episode,
        id=row.id,
        version=row.version,
    )
