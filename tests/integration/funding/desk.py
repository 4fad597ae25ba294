"""The funding use cases as the RPC methods call them (payloads through the same schemas), with a
clock the test sets: time passes for arrears without waiting."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from infra.caller import Caller, Role
from infra.validation import load
from services.funding import money_schemas, schemas
from services.funding.db import FundingUnitOfWork
from services.funding.usecases import access, arrears, groups, loans, members, networks, repayments
from services.funding.usecases.common import Settings

ADMIN = Caller("admin-1", "admin", frozenset({Role.ADMINISTRATOR}))
VILLAGE = "24010101"  # Chachoengsao, Mueang, Na Mueang, village 1


def officer(person_id: str | None = None) -> Caller:
    person_id = person_id or str(uuid.uuid4())
    return Caller(person_id, f"officer-{person_id[:4]}", frozenset({Role.SAVINGS_GROUP_OFFICER}))


def supervisor(*areas: str, role: Role = Role.DISTRICT_SUPERVISOR) -> Caller:
    return Caller(str(uuid.uuid4()), "supervisor", frozenset({role}), areas=areas)


def rules(**changes: Any) -> dict[str, Any]:
    return {
        "min_monthly_saving_thb": "100.00",
        "annual_interest_rate": "12",
        "interest_method": "declining",
        "max_loan_multiple": "2",
        "max_term_months": 24,
        **changes,
    }


class Desk:
    def __init__(self, uow: FundingUnitOfWork, settings: Settings | None = None) -> None:
        self.uow = uow
        self.settings = settings or Settings(max_backdate_days=3650)
        self.now = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)

    @property
    def today(self) -> date:
        return (self.now + timedelta(hours=7)).date()

    def pass_days(self, days: int) -> None:
        self.now += timedelta(days=days)

    # groups and members
    def create_network(self, caller: Caller, **payload: Any) -> dict[str, Any]:
        payload = {"name": "Mueang network", "district_code": "2401", **payload}
        return networks.create_network(
            self.uow, caller, load(schemas.NetworkIn(), payload), self.now
        )

    def create_group(self, caller: Caller, **payload: Any) -> dict[str, Any]:
        payload = {
            "name": "Ban Na savings group",
            "village_code": VILLAGE,
            "committee": [{"person_id": str(uuid.uuid4()), "role": "chair"}],
            "rules": rules(),
            **payload,
        }
        return groups.create_group(self.uow, caller, load(schemas.GroupIn(), payload), self.now)

    def update_group(self, caller: Caller, group_id: str, version: int | None, **payload: Any):
        command = load(schemas.GroupChange(), payload)
        return groups.update_group(self.uow, caller, group_id, command, version)

    def get_group(self, caller: Caller, group_id: str) -> dict[str, Any]:
        return groups.get_group(self.uow, caller, group_id)

    def list_groups(self, caller: Caller, **query: Any) -> dict[str, Any]:
        return groups.list_groups(self.uow, caller, load(schemas.GroupQuery(), query))

    def entries(self, caller: Caller, group_id: str, **query: Any) -> dict[str, Any]:
        query = load(schemas.EntryQuery(), query)
        return groups.list_entries(self.uow, caller, group_id, query)

    def add_member(self, caller: Caller, group_id: str, **payload: Any) -> dict[str, Any]:
        payload = {"first_name": "Malee", "last_name": "Suksai", **payload}
        command = load(schemas.MemberIn(), payload)
        return members.add_member(self.uow, caller, group_id, command, self.now)

    def get_member(self, caller: Caller, member_id: str) -> dict[str, Any]:
        return members.get_member(self.uow, caller, member_id)

    def deposit(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        command = load(money_schemas.Movement(), {"amount_thb": amount, **payload})
        return members.deposit(self.uow, caller, member_id, command, self.now, self.settings)

    def withdraw(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        command = load(money_schemas.Movement(), {"amount_thb": amount, **payload})
        return members.withdraw(self.uow, caller, member_id, command, self.now, self.settings)

    # loans
    def apply(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        payload = {
            "amount_thb": amount,
            "term_months": 6,
            "purpose": "seed and fertiliser",
            **payload,
        }
        command = load(money_schemas.LoanApplication(), payload)
        return loans.apply_for_loan(self.uow, caller, member_id, command, self.now)

    def approve(self, caller: Caller, loan_id: str, version: int | None = None):
        return loans.approve_loan(self.uow, caller, loan_id, version, self.now)

    def reject(self, caller: Caller, loan_id: str, reason: str = "not now"):
        command = load(money_schemas.Reason(), {"reason": reason})
        return loans.reject_loan(self.uow, caller, loan_id, command, None, self.now)

    def disburse(self, caller: Caller, loan_id: str, **payload: Any):
        command = load(money_schemas.OnDay(), payload)
        return loans.disburse_loan(
            self.uow, caller, loan_id, command, None, self.now, self.settings
        )

    def repay(self, caller: Caller, loan_id: str, amount: str, **payload: Any):
        command = load(money_schemas.Movement(), {"amount_thb": amount, **payload})
        return repayments.repay_loan(self.uow, caller, loan_id, command, self.now, self.settings)

    def write_off(self, caller: Caller, loan_id: str, reason: str = "moved away", **payload):
        command = load(money_schemas.WriteOff(), {"reason": reason, **payload})
        return repayments.write_off_loan(
            self.uow, caller, loan_id, command, None, self.now, self.settings
        )

    def get_loan(self, caller: Caller, loan_id: str) -> dict[str, Any]:
        return loans.get_loan(self.uow, caller, loan_id, self.now)

    def loans(self, caller: Caller, group_id: str, **query: Any) -> dict[str, Any]:
        query = load(schemas.LoanQuery(), query)
        return loans.list_loans(self.uow, caller, group_id, query, self.now)

    def sheet(self, caller: Caller, group_id: str, lines: list[dict[str, Any]], **payload: Any):
        payload = {
            "client_key": str(uuid.uuid4()),
            "meeting_on": self.today.isoformat(),
            "lines": lines,
            **payload,
        }
        command = load(money_schemas.CollectionSheetIn(), payload)
        return repayments.post_collection_sheet(
            self.uow, caller, group_id, command, self.now, self.settings
        )

    # portfolios, arrears and funding access
    def group_portfolio(self, caller: Caller, group_id: str, as_of: date | None = None):
        return arrears.group_portfolio(self.uow, caller, group_id, as_of, self.now)

    def network_portfolio(self, caller: Caller, network_id: str, as_of: date | None = None):
        return arrears.network_portfolio(self.uow, caller, network_id, as_of, self.now)

    def run_arrears_job(self, caller: Caller = ADMIN) -> dict[str, Any]:
        return arrears.run_arrears_job(self.uow, caller, None, self.now, self.settings)

    def decide(self, caller: Caller, request_id: str, **payload: Any) -> dict[str, Any]:
        command = load(money_schemas.Decision(), payload)
        return access.decide_request(self.uow, caller, request_id, command, None, self.now)

    # a ready-made group with a committee of two officers (maker and checker)
    def ready_group(self, **payload: Any) -> tuple[dict[str, Any], Caller, Caller]:
        maker, checker = officer(), officer()
        committee = [
            {"person_id": maker.person_id, "role": "treasurer"},
            {"person_id": checker.person_id, "role": "chair"},
        ]
        group = self.create_group(ADMIN, committee=committee, **payload)
        return group, maker, checker

    def borrower(self, group_id: str, maker: Caller, savings: str) -> dict[str, Any]:
        member = self.add_member(maker, group_id)
        self.deposit(maker, member["id"], savings)
        return member

    def disbursed_loan(
        self, group_id: str, maker: Caller, checker: Caller, member_id: str, amount: str, **apply
    ) -> dict[str, Any]:
        loan = self.apply(maker, member_id, amount, **apply)
        self.approve(checker, loan["id"])
        return self.disburse(maker, loan["id"])
