"""What the funding routes answer, for the OpenAPI document. The service builds these answers
(the `*_out` functions in services/funding/schemas/); money is a string with two decimals
("1500.00")."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from gateway.schemas import page_of
from infra.fields import Integer
from services.funding.schemas.members import MemberIn


def Thb(description: str = "", **kwargs: Any) -> fields.String:  # a field factory
    metadata = {"pattern": r"^-?[0-9]+\.[0-9]{2}$", "example": "1500.00"}
    if description:
        metadata["description"] = description
    return fields.String(metadata=metadata, **kwargs)


def Maybe() -> fields.String:
    return fields.String(allow_none=True)


class CommitteeSeatOut(Schema):
    person_id = fields.String()
    role = fields.String()


class GroupRulesOut(Schema):
    min_monthly_saving_thb = Thb()
    annual_interest_rate = Thb()
    interest_method = fields.String()
    max_loan_multiple = Thb()
    max_term_months = Integer()
    min_savings_balance_thb = Thb()


class GroupBooksOut(Schema):
    cash_thb = Thb()
    loans_outstanding_thb = Thb()
    savings_thb = Thb()
    retained_income_thb = Thb()


class GroupBalances(GroupBooksOut):
    group_id = fields.String()
    version = Integer()


class NetworkOut(Schema):
    id = fields.String()
    name = fields.String()
    district_code = fields.String()
    officers = fields.List(fields.String())
    may_record = fields.Boolean()
    created_at = Maybe()
    version = Integer()


class SavingsGroupOut(Schema):
    id = fields.String()
    name = fields.String()
    village_code = fields.String()
    network_id = Maybe()
    committee = fields.List(fields.Nested(CommitteeSeatOut))
    rules = fields.Nested(GroupRulesOut)
    balances = fields.Nested(GroupBooksOut)
    may_record = fields.Boolean()
    created_at = Maybe()
    version = Integer()


class SavingsMemberOut(Schema):
    id = fields.String()
    group_id = fields.String()
    member_no = Integer()
    first_name = fields.String()
    last_name = fields.String()
    household_id = Maybe()
    person_id = Maybe()
    joined_on = Maybe()
    status = fields.String()
    savings_thb = Thb()
    can_borrow_thb = Thb("largest loan the rules allow now")
    version = Integer()


class EntryOut(Schema):
    id = fields.String()
    kind = fields.String()
    amount_thb = Thb()
    on = fields.String()
    member_id = Maybe()
    loan_id = Maybe()
    sheet_id = Maybe()
    recorded_by = fields.String()
    recorded_at = fields.String()


class MovementOut(EntryOut):
    savings_thb = Thb()


class RepaymentOut(EntryOut):
    principal_thb = Thb()
    interest_thb = Thb()
    interest_waived_thb = Thb()
    outstanding_principal_thb = Thb()
    loan_status = fields.String()


class PostingOut(Schema):
    seq = Integer()
    entry_id = fields.String()
    kind = fields.String()
    debit = fields.String()
    credit = fields.String()
    amount_thb = Thb()
    on = fields.String()
    member_id = Maybe()
    loan_id = Maybe()
    sheet_id = Maybe()
    recorded_by = fields.String()
    recorded_at = fields.String()


class ArrearsOut(Schema):
    days_overdue = Integer()
    bucket = fields.String()
    amount_thb = Thb()
    oldest_due_on = Maybe()


class InstallmentOut(Schema):
    seq = Integer()
    due_on = fields.String()
    principal_thb = Thb()
    interest_thb = Thb()
    principal_paid_thb = Thb()
    interest_paid_thb = Thb()


class LoanOut(Schema):
    id = fields.String()
    group_id = fields.String()
    member_id = fields.String()
    status = fields.String()
    allowed = fields.List(fields.String())
    amount_thb = Thb()
    term_months = Integer()
    purpose = fields.String()
    annual_interest_rate = Thb()
    interest_method = fields.String()
    recorded_by = fields.String()
    applied_at = Maybe()
    decided_by = Maybe()
    decided_at = Maybe()
    decision_reason = Maybe()
    disbursed_on = Maybe()
    closed_on = Maybe()
    outstanding_principal_thb = Thb()
    payoff_thb = Thb(allow_none=True)
    interest_waived_thb = Thb()
    written_off_thb = Thb()
    write_off_reason = Maybe()
    arrears = fields.Nested(ArrearsOut)
    funding_request_id = Maybe()
    household_id = Maybe()
    intervention_id = Maybe()
    schedule = fields.List(fields.Nested(InstallmentOut))
    version = Integer()


class ScheduleOut(Schema):
    loan_id = fields.String()
    status = fields.String()
    interest_method = fields.String()
    outstanding_principal_thb = Thb()
    payoff_thb = Thb(allow_none=True)
    arrears = fields.Nested(ArrearsOut)
    installments = fields.List(fields.Nested(InstallmentOut))
    version = Integer()


class SheetLineOut(Schema):
    line = Integer()
    kind = fields.String()
    entry_id = fields.String()
    amount_thb = Thb()
    member_id = Maybe()
    loan_id = Maybe()
    principal_thb = Thb()
    interest_thb = Thb()
    interest_waived_thb = Thb()


class SheetOut(Schema):
    id = fields.String()
    group_id = fields.String()
    meeting_on = fields.String()
    recorded_by = fields.String()
    posted_at = fields.String()
    deposits_thb = Thb()
    repayments_thb = Thb()
    lines = fields.List(fields.Nested(SheetLineOut))


class BucketOut(Schema):
    loans = Integer()
    outstanding_thb = Thb()
    arrears_thb = Thb()


class PortfolioOut(Schema):
    as_of = fields.String()
    loans = Integer()
    outstanding_thb = Thb()
    ageing = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(BucketOut),
        metadata={"description": "by days overdue: current, 1-30, 31-60, 61-90, over-90"},
    )
    portfolio_at_risk_percent = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "PAR1, PAR30, PAR60, PAR90 as percent of outstanding"},
    )


class GroupPortfolioOut(PortfolioOut):
    group_id = fields.String()


class NetworkPortfolioOut(PortfolioOut):
    network_id = fields.String()
    groups = Integer()


class FundingRequestOut(Schema):
    id = fields.String()
    household_id = fields.String()
    intervention_id = fields.String()
    village_code = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    amount_thb = Thb()
    purpose = fields.String()
    term_months = Integer()
    status = fields.String()
    group_id = Maybe()
    member_id = Maybe()
    loan_id = Maybe()
    reason = Maybe()
    decided_by = Maybe()
    decided_at = Maybe()
    requested_at = Maybe()
    version = Integer()


class ArrearsRunOut(Schema):
    as_of = fields.String()
    announced = Integer()


NetworkPage = page_of(NetworkOut, "SavingsNetworkPage")
GroupPage = page_of(SavingsGroupOut, "SavingsGroupPage")
MemberPage = page_of(SavingsMemberOut, "SavingsMemberPage")
LoanPage = page_of(LoanOut, "LoanPage")
PostingPage = page_of(PostingOut, "LedgerPage")
RequestPage = page_of(FundingRequestOut, "FundingRequestPage")


class SavingsMemberIn(MemberIn):
    """The service's payload, under a name of its own in the OpenAPI document."""
