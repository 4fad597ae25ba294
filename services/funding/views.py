"""What the funding RPC methods answer: JSON-ready dicts (money as "1500.00", dates ISO).
Groups, networks, members and funding requests here; loans and the ledger in money_views."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from services.funding.domain.access import FundingRequest
from services.funding.domain.group import Group, Network
from services.funding.domain.ledger import Balances
from services.funding.domain.member import Member
from services.funding.domain.rules import Rules


def thb(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def network_out(network: Network, may_record: bool) -> dict[str, Any]:
    return {
        "id": network.id,
        "name": network.name,
        "district_code": network.district_code,
        "officers": sorted(network.officers),
        "may_record": may_record,
        "created_at": iso(network.created_at),
        "version": network.version,
    }


def group_out(group: Group, may_record: bool) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "village_code": group.village_code,
        "network_id": group.network_id,
        "committee": [{"person_id": s.person_id, "role": s.role.value} for s in group.committee],
        "rules": rules_out(group.rules),
        "balances": balances_out(group.balances),
        "may_record": may_record,
        "created_at": iso(group.created_at),
        "version": group.version,
    }


def rules_out(rules: Rules) -> dict[str, Any]:
    return {
        "min_monthly_saving_thb": thb(rules.min_monthly_saving),
        "annual_interest_rate": thb(rules.annual_interest_rate),
        "interest_method": rules.interest_method.value,
        "max_loan_multiple": thb(rules.max_loan_multiple),
        "max_term_months": rules.max_term_months,
        "min_savings_balance_thb": thb(rules.min_savings_balance),
    }


def balances_out(balances: Balances) -> dict[str, str]:
    return {
        "cash_thb": thb(balances.cash),
        "loans_outstanding_thb": thb(balances.loans),
        "savings_thb": thb(balances.savings),
        "retained_income_thb": thb(balances.income),
    }


def member_out(member: Member, loan_limit: Decimal | None = None) -> dict[str, Any]:
    out = {
        "id": member.id,
        "group_id": member.group_id,
        "member_no": member.member_no,
        "first_name": member.first_name,
        "last_name": member.last_name,
        "household_id": member.household_id,
        "person_id": member.person_id,
        "joined_on": iso(member.joined_on),
        "status": member.status.value,
        "savings_thb": thb(member.savings),
        "version": member.version,
    }
    if loan_limit is not None:
        out["can_borrow_thb"] = thb(loan_limit)
    return out


def request_out(request: FundingRequest) -> dict[str, Any]:
    applicant, need = request.applicant, request.need
    return {
        "id": request.id,
        "household_id": applicant.household_id,
        "intervention_id": applicant.intervention_id,
        "village_code": applicant.village_code,
        "first_name": applicant.first_name,
        "last_name": applicant.last_name,
        "amount_thb": thb(need.amount),
        "purpose": need.purpose,
        "term_months": need.term_months,
        "status": request.status.value,
        "group_id": request.group_id,
        "member_id": request.member_id,
        "loan_id": request.loan_id,
        "reason": request.reason,
        "decided_by": request.decided_by,
        "decided_at": iso(request.decided_at),
        "requested_at": iso(request.requested_at),
        "version": request.version,
    }
