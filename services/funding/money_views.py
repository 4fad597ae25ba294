"""JSON-ready answers about money: loans, ledger entries, collection sheets, portfolios."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from services.funding.domain.allocation import Allocation
from services.funding.domain.arrears import BUCKETS, PAR_THRESHOLDS, Arrears, Portfolio
from services.funding.domain.collection import LineKind, PostedLine, Sheet
from services.funding.domain.ledger import Entry
from services.funding.domain.loan import ACTIONS, Loan
from services.funding.domain.schedule import Installment
from services.funding.views import iso, thb


def loan_out(loan: Loan, today: date) -> dict[str, Any]:
    link = loan.link
    return {
        "id": loan.id,
        "group_id": loan.group_id,
        "member_id": loan.member_id,
        "status": loan.status.value,
        "allowed": ACTIONS.get(loan.status, []),
        "amount_thb": thb(loan.principal),
        "term_months": loan.term_months,
        "purpose": loan.purpose,
        "annual_interest_rate": thb(loan.annual_rate),
        "interest_method": loan.method.value,
        "recorded_by": loan.recorded_by,
        "applied_at": iso(loan.applied_at),
        "decided_by": loan.decided_by,
        "decided_at": iso(loan.decided_at),
        "decision_reason": loan.decision_reason,
        "disbursed_on": iso(loan.disbursed_on),
        "closed_on": iso(loan.closed_on),
        "outstanding_principal_thb": thb(loan.outstanding_principal),
        "payoff_thb": thb(loan.payoff(today)) if loan.schedule and loan.closed_on is None else None,
        "interest_waived_thb": thb(loan.interest_waived),
        "written_off_thb": thb(loan.written_off),
        "write_off_reason": loan.write_off_reason,
        "arrears": arrears_out(loan.arrears(today)),
        "funding_request_id": link.funding_request_id,
        "household_id": link.household_id,
        "intervention_id": link.intervention_id,
        "schedule": [installment_out(i) for i in loan.schedule],
        "version": loan.version,
    }


def installment_out(installment: Installment) -> dict[str, Any]:
    return {
        "seq": installment.seq,
        "due_on": iso(installment.due_on),
        "principal_thb": thb(installment.principal),
        "interest_thb": thb(installment.interest),
        "principal_paid_thb": thb(installment.principal_paid),
        "interest_paid_thb": thb(installment.interest_paid),
    }


def arrears_out(arrears: Arrears) -> dict[str, Any]:
    return {
        "days_overdue": arrears.days_overdue,
        "bucket": arrears.bucket,
        "amount_thb": thb(arrears.amount),
        "oldest_due_on": iso(arrears.oldest_due_on),
    }


def entry_out(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "amount_thb": thb(entry.amount),
        "on": iso(entry.posting.on),
        "member_id": entry.member_id,
        "loan_id": entry.loan_id,
        "sheet_id": entry.posting.sheet_id,
        "recorded_by": entry.posting.recorded_by,
        "recorded_at": iso(entry.posting.recorded_at),
    }


def posting_out(row: Any) -> dict[str, Any]:
    """A ledger row: one transfer of a journal entry (a repayment has principal and interest)."""
    return {
        "seq": row.seq,
        "entry_id": row.entry_id,
        "kind": row.kind,
        "debit": row.debit,
        "credit": row.credit,
        "amount_thb": thb(Decimal(row.amount_satang).scaleb(-2)),
        "on": iso(row.posted_on),
        "member_id": row.member_id,
        "loan_id": row.loan_id,
        "sheet_id": row.sheet_id,
        "recorded_by": row.recorded_by,
        "recorded_at": iso(row.recorded_at),
    }


def repayment_out(entry: Entry, allocation: Allocation, loan: Loan) -> dict[str, Any]:
    return {
        **entry_out(entry),
        "principal_thb": thb(allocation.principal),
        "interest_thb": thb(allocation.interest),
        "interest_waived_thb": thb(allocation.waived_interest),
        "outstanding_principal_thb": thb(loan.outstanding_principal),
        "loan_status": loan.status.value,
    }


def portfolio_out(portfolio: Portfolio, as_of: date) -> dict[str, Any]:
    return {
        "as_of": iso(as_of),
        "loans": portfolio.loans,
        "outstanding_thb": thb(portfolio.outstanding),
        "ageing": {
            name: {
                "loans": portfolio.buckets[name].loans,
                "outstanding_thb": thb(portfolio.buckets[name].outstanding),
                "arrears_thb": thb(portfolio.buckets[name].arrears),
            }
            for name in BUCKETS
        },
        "portfolio_at_risk_percent": {
            name: thb(portfolio.par_percent(name)) for name in PAR_THRESHOLDS
        },
    }


def sheet_out(sheet: Sheet) -> dict[str, Any]:
    return {
        "id": sheet.id,
        "group_id": sheet.group_id,
        "meeting_on": iso(sheet.posting.on),
        "recorded_by": sheet.posting.recorded_by,
        "posted_at": iso(sheet.posting.recorded_at),
        "deposits_thb": thb(sheet.total(LineKind.DEPOSIT)),
        "repayments_thb": thb(sheet.total(LineKind.REPAYMENT)),
        "lines": [_sheet_line_out(index, posted) for index, posted in enumerate(sheet.lines)],
    }


def _sheet_line_out(index: int, posted: PostedLine) -> dict[str, Any]:
    out = {
        "line": index,
        "kind": posted.line.kind.value,
        "entry_id": posted.entry.id,
        "amount_thb": thb(posted.entry.amount),
        "member_id": posted.entry.member_id,
        "loan_id": posted.entry.loan_id,
    }
    if posted.allocation is not None:
        out["principal_thb"] = thb(posted.allocation.principal)
        out["interest_thb"] = thb(posted.allocation.interest)
        out["interest_waived_thb"] = thb(posted.allocation.waived_interest)
    return out
