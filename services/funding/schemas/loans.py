"""Loans: an application, a decision's reason, the disbursement day, list queries, and a loan
with its schedule and arrears as answered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, validate

from infra.dates import BOOKED
from infra.fields import Day, Integer
from services.funding.schemas.common import (
    Amount,
    Id,
    Page,
    Resendable,
    Text,
    answered_by,
    iso,
    thb,
)
from services.funding.vocabulary import MAX_TERM_MONTHS

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.arrears import Arrears
    from services.funding.domain.loan import Loan
    from services.funding.domain.schedule import Installment


class LoanApplication(Resendable):
    amount_thb = Amount()
    term_months = Integer(required=True, strict=True, validate=validate.Range(1, MAX_TERM_MONTHS))
    purpose = Text(1, 500, required=True)
    funding_request_id = Id(load_default=None, allow_none=True)


class Reason(Schema):
    reason = Text(1, 500, required=True)


class OnDay(Schema):
    on = Day(BOOKED, load_default=None, allow_none=True)


class LoanQuery(Page):
    status = fields.String(
        load_default=None,
        validate=validate.OneOf(
            ["applied", "approved", "rejected", "disbursed", "closed", "written_off"]
        ),
    )
    member_id = Id(load_default=None, allow_none=True)


def loan_out(loan: Loan, today: date) -> dict[str, Any]:
    link = loan.link
    return {
        "id": loan.id,
        "group_id": loan.group_id,
        "member_id": loan.member_id,
        "status": loan.status.value,
        "allowed": loan.allowed,
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


LoanOnAnswer = answered_by(lambda dated: loan_out(*dated))  # (loan, the day it is reckoned on)
