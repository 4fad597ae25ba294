"""Groups, savers and borrowers for the benchmark, made through the use cases."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller, Role
from infra.validation import load
from services.funding.schemas.groups import GroupIn
from services.funding.schemas.loans import LoanApplication, loan_out
from services.funding.schemas.members import MemberIn, Movement, member_out, movement_out
from services.funding.settings import Settings
from services.funding.usecases import groups, loans, members

ADMIN = Caller("bench-admin", "admin", frozenset({Role.ADMINISTRATOR}))
RULES = {
    "min_monthly_saving_thb": "100.00",
    "annual_interest_rate": "12",
    "interest_method": "declining",
    "max_loan_multiple": "2",
    "max_term_months": 36,
}


def officer() -> Caller:
    return Caller(str(uuid.uuid4()), "officer", frozenset({Role.SAVINGS_GROUP_OFFICER}))


@dataclass
class Plan:
    group_id: str
    treasurer: Caller
    checker: Caller
    savers: list[str] = field(default_factory=list)
    loans: list[str] = field(default_factory=list)


@dataclass
class Seeded:
    plans: list[Plan]
    repayments_per_sheet: int

    def sheet(self, plan: Plan, meeting_on: str) -> dict[str, Any]:
        lines = [{"kind": "deposit", "member_id": m, "amount_thb": "100.00"} for m in plan.savers]
        lines += [{"kind": "repayment", "loan_id": ln, "amount_thb": "10.00"} for ln in plan.loans]
        return {"client_key": str(uuid.uuid4()), "meeting_on": meeting_on, "lines": lines}

    def check_books(self, env: Any) -> None:
        uow = env.unit_of_work()
        for plan in self.plans:
            with uow:
                sums = uow.ledger.account_sums(plan.group_id)
                group = uow.groups.get(plan.group_id)
            assert group is not None and group.balances.balanced
            assert sum(sums.values()) == 0 and sums["cash"] == group.balances.cash
        print(f"books of all {len(self.plans)} groups balance, ledger and balances agree")


def seed(env: Any, group_count: int, lines: int) -> Seeded:
    repayments = lines // 3
    uow, now, settings = env.unit_of_work(), datetime.now(UTC), Settings()
    plans = [_group(uow, now, n) for n in range(group_count)]
    for plan in plans:
        everyone = [_member(uow, plan, now, settings) for _ in range(lines)]
        plan.savers = everyone[: lines - repayments]
        plan.loans = [_loan(uow, plan, m, now, settings) for m in everyone[lines - repayments :]]
    return Seeded(plans, repayments)


def _group(uow: Any, now: datetime, number: int) -> Plan:
    treasurer, chair = officer(), officer()
    committee = [
        {"person_id": treasurer.person_id, "role": "treasurer"},
        {"person_id": chair.person_id, "role": "chair"},
    ]
    payload = {
        "name": f"Bench group {number}",
        "village_code": "24010101",
        "committee": committee,
        "rules": RULES,
    }
    group = groups.create_group(uow, ADMIN, load(GroupIn(), payload), now)
    return Plan(group.id, treasurer, chair)


def _member(uow: Any, plan: Plan, now: datetime, settings: Settings) -> str:
    given = load(MemberIn(), {"first_name": "Bench", "last_name": "Member"})
    member = members.add_member(uow, plan.treasurer, plan.group_id, given, now, member_out)
    money = load(Movement(), {"amount_thb": "10000.00"})
    members.deposit(uow, plan.treasurer, member["id"], money, now, settings, movement_out)
    return member["id"]


def _loan(uow: Any, plan: Plan, member_id: str, now: datetime, settings: Settings) -> str:
    given = {"amount_thb": "5000.00", "term_months": 24, "purpose": "bench"}
    command = load(LoanApplication(), given)
    loan = loans.apply_for_loan(uow, plan.treasurer, member_id, command, now, loan_out)
    loans.approve_loan(uow, plan.checker, loan["id"], None, now)
    loans.disburse_loan(uow, plan.treasurer, loan["id"], {"on": None}, None, now, settings)
    return loan["id"]
