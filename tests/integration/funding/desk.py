"""The funding service's own entrypoints called in this process (payloads through the same
schemas, answers through the same serialisers), with a clock the test sets: time passes for
arrears without waiting."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from infra.caller import Caller, Role
from services.funding.db import FundingUnitOfWork
from services.funding.service import FundingService
from services.funding.settings import Settings

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


class Counter(FundingService):
    """The service's methods without a container: the desk's unit of work, settings and clock."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.uow = desk.uow

    @property
    def settings(self) -> Settings:
        return self.desk.settings

    def now(self) -> datetime:
        return self.desk.now


class Desk:
    def __init__(self, uow: FundingUnitOfWork, settings: Settings | None = None) -> None:
        self.uow = uow
        self.settings = settings or Settings(max_backdate_days=3650)
        self.now = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
        self.service = Counter(self)

    @property
    def today(self) -> date:
        return (self.now + timedelta(hours=7)).date()

    def pass_days(self, days: int) -> None:
        self.now += timedelta(days=days)

    # groups and members
    def create_network(self, caller: Caller, **payload: Any) -> dict[str, Any]:
        payload = {"name": "Mueang network", "district_code": "2401", **payload}
        return self.service.create_network(caller.to_dict(), payload)

    def create_group(self, caller: Caller, **payload: Any) -> dict[str, Any]:
        payload = {
            "name": "Ban Na savings group",
            "village_code": VILLAGE,
            "committee": [{"person_id": str(uuid.uuid4()), "role": "chair"}],
            "rules": rules(),
            **payload,
        }
        return self.service.create_group(caller.to_dict(), payload)

    def update_group(self, caller: Caller, group_id: str, version: int | None, **payload: Any):
        return self.service.update_group(caller.to_dict(), group_id, payload, version)

    def get_group(self, caller: Caller, group_id: str) -> dict[str, Any]:
        return self.service.get_group(caller.to_dict(), group_id)

    def list_groups(self, caller: Caller, **query: Any) -> dict[str, Any]:
        return self.service.list_groups(caller.to_dict(), query)

    def entries(self, caller: Caller, group_id: str, **query: Any) -> dict[str, Any]:
        return self.service.list_entries(caller.to_dict(), group_id, query)

    def add_member(self, caller: Caller, group_id: str, **payload: Any) -> dict[str, Any]:
        payload = {"first_name": "Malee", "last_name": "Suksai", **payload}
        return self.service.add_member(caller.to_dict(), group_id, payload)

    def get_member(self, caller: Caller, member_id: str) -> dict[str, Any]:
        return self.service.get_member(caller.to_dict(), member_id)

    def deposit(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        payload = {"amount_thb": amount, **payload}
        return self.service.deposit(caller.to_dict(), member_id, payload)

    def withdraw(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        payload = {"amount_thb": amount, **payload}
        return self.service.withdraw(caller.to_dict(), member_id, payload)

    # loans
    def apply(self, caller: Caller, member_id: str, amount: str, **payload: Any):
        payload = {
            "amount_thb": amount,
            "term_months": 6,
            "purpose": "seed and fertiliser",
            **payload,
        }
        return self.service.apply_for_loan(caller.to_dict(), member_id, payload)

    def approve(self, caller: Caller, loan_id: str, version: int | None = None):
        return self.service.approve_loan(caller.to_dict(), loan_id, version)

    def reject(self, caller: Caller, loan_id: str, reason: str = "not now"):
        return self.service.reject_loan(caller.to_dict(), loan_id, {"reason": reason})

    def disburse(self, caller: Caller, loan_id: str, **payload: Any):
        return self.service.disburse_loan(caller.to_dict(), loan_id, payload)

    def repay(self, caller: Caller, loan_id: str, amount: str, **payload: Any):
        payload = {"amount_thb": amount, **payload}
        return self.service.repay_loan(caller.to_dict(), loan_id, payload)

    def write_off(self, caller: Caller, loan_id: str, reason: str = "moved away", **payload):
        payload = {"reason": reason, **payload}
        return self.service.write_off_loan(caller.to_dict(), loan_id, payload)

    def get_loan(self, caller: Caller, loan_id: str) -> dict[str, Any]:
        return self.service.get_loan(caller.to_dict(), loan_id)

    def loans(self, caller: Caller, group_id: str, **query: Any) -> dict[str, Any]:
        return self.service.list_loans(caller.to_dict(), group_id, query)

    def sheet(self, caller: Caller, group_id: str, lines: list[dict[str, Any]], **payload: Any):
        payload = {
            "client_key": str(uuid.uuid4()),
            "meeting_on": self.today.isoformat(),
            "lines": lines,
            **payload,
        }
        return self.service.post_collection_sheet(caller.to_dict(), group_id, payload)

    # portfolios, arrears and funding access
    def group_portfolio(self, caller: Caller, group_id: str, as_of: date | None = None):
        return self.service.group_portfolio(caller.to_dict(), group_id, _as_of(as_of))

    def network_portfolio(self, caller: Caller, network_id: str, as_of: date | None = None):
        return self.service.network_portfolio(caller.to_dict(), network_id, _as_of(as_of))

    def run_arrears_job(self, caller: Caller = ADMIN) -> dict[str, Any]:
        return self.service.run_arrears_job(caller.to_dict(), {})

    def decide(self, caller: Caller, request_id: str, **payload: Any) -> dict[str, Any]:
        return self.service.decide_funding_request(caller.to_dict(), request_id, payload)

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


def _as_of(day: date | None) -> dict[str, Any]:
    return {} if day is None else {"as_of": day.isoformat()}
