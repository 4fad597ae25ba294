"""Savings groups: what registering or changing one sends, list queries, and the group and its
ledger as answered."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, validate

from infra.fields import AreaCode, Integer, Line, Money, PlainDecimal
from services.funding.schemas.common import Id, Page, answered_by, iso, thb
from services.funding.vocabulary import MAX_TERM_MONTHS, CommitteeRole, InterestMethod

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.group import Group
    from services.funding.domain.ledger import Balances
    from services.funding.domain.rules import Rules

# The ranges domain/rules.py holds (0-60 % a year, a multiple of 0.01-100), as patterns.
RATE_SHAPE = {"pattern": r"^0*(60(\.00?)?|[1-5]?[0-9](\.[0-9]{1,2})?)$"}
MULTIPLE_SHAPE = {
    "pattern": r"^0*(100(\.00?)?|[1-9][0-9]?(\.[0-9]{1,2})?|0\.(0[1-9]|[1-9][0-9]?))$"
}


class RulesIn(Schema):
    min_monthly_saving_thb = Money(required=True)
    annual_interest_rate = PlainDecimal(required=True, metadata=RATE_SHAPE)
    interest_method = fields.String(
        required=True, validate=validate.OneOf([m.value for m in InterestMethod])
    )
    max_loan_multiple = PlainDecimal(required=True, metadata=MULTIPLE_SHAPE)
    max_term_months = Integer(
        required=True, strict=True, metadata={"minimum": 1, "maximum": MAX_TERM_MONTHS}
    )
    # a callable default stays out of the OpenAPI document, which cannot hold a Decimal
    min_savings_balance_thb = Money(load_default=lambda: Decimal("0"))


class SeatIn(Schema):
    person_id = Id(required=True)
    role = fields.String(required=True, validate=validate.OneOf([r.value for r in CommitteeRole]))


def committee() -> fields.List:
    """1-30 seats, each person once: JSON Schema can refuse a seat given twice (`uniqueItems`),
    not one person in two roles, which the group refuses too (422)."""
    return fields.List(
        fields.Nested(SeatIn),
        required=True,
        validate=validate.Length(1, 30),
        metadata={"uniqueItems": True, "description": "each person once"},
    )


class GroupIn(Schema):
    name = Line(1, 200, required=True)
    village_code = AreaCode("village", required=True)
    network_id = Id(load_default=None, allow_none=True)
    committee = committee()
    rules = fields.Nested(RulesIn, required=True)


class GroupChange(Schema):
    name = Line(1, 200, required=True)
    network_id = Id(allow_none=True)  # absent: unchanged; null: leaves its network
    committee = committee()
    rules = fields.Nested(RulesIn, required=True)


class GroupQuery(Page):
    network_id = Id(load_default=None, allow_none=True)
    area = AreaCode(load_default=None)


class EntryQuery(Page):
    member_id = Id(load_default=None, allow_none=True)
    loan_id = Id(load_default=None, allow_none=True)


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


GroupAnswer = answered_by(lambda seen: group_out(seen.item, seen.may_record))
PostingAnswer = answered_by(posting_out)
