"""A savings group in the fake unit of work, with a maker and a checker on its committee, for
the use case tests: commands as the entrypoints build them, answers as they render them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from infra.caller import Caller, Role
from services.funding.domain.group import Group
from services.funding.schemas.loans import loan_out
from services.funding.schemas.members import member_out, movement_out
from services.funding.settings import Settings
from services.funding.usecases import groups, loans, members
from services.funding.usecases.commands import (
    AddMember,
    ApplyForLoan,
    MoveMoney,
    RegisterGroup,
    RulesGiven,
    SeatGiven,
)
from services.funding.vocabulary import CommitteeRole, InterestMethod
from tests.unit.funding.fakes import FakeUnitOfWork

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
TODAY = date(2026, 11, 21)
SETTINGS = Settings(max_backdate_days=3650)
ADMIN = Caller("admin-1", "admin", frozenset({Role.ADMINISTRATOR}))
OFFICER = frozenset({Role.SAVINGS_GROUP_OFFICER})
MAKER = Caller("1b6f7c1a-0d1e-4e8a-9a55-0f4a3c2b1d01", "maker", OFFICER)
CHECKER = Caller("2c7a8d2b-1e2f-4f9b-8b66-1a5b4d3c2e02", "checker", OFFICER)
RULES = RulesGiven(Decimal("100.00"), Decimal("12"), InterestMethod.DECLINING, Decimal("2"), 24)


def ready_group(uow: FakeUnitOfWork) -> Group:
    seats = (
        SeatGiven(MAKER.person_id, CommitteeRole.TREASURER),
        SeatGiven(CHECKER.person_id, CommitteeRole.CHAIR),
    )
    command = RegisterGroup(" Ban Na savings group ", "24010101", seats, RULES)
    return groups.create_group(uow, ADMIN, command, NOW)


def add_member(uow: FakeUnitOfWork, group_id: str, **given: Any) -> dict[str, Any]:
    command = AddMember(**{"first_name": "Malee", "last_name": "Suksai", **given})
    return members.add_member(uow, MAKER, group_id, command, NOW, member_out)


def deposit(uow: FakeUnitOfWork, member_id: str, amount: str, key: str | None = None) -> Any:
    command = MoveMoney(Decimal(amount), client_key=key)
    return members.deposit(uow, MAKER, member_id, command, NOW, SETTINGS, movement_out)


def apply(uow: FakeUnitOfWork, member_id: str, amount: str, months: int = 6) -> Any:
    command = ApplyForLoan(Decimal(amount), months, " seed and fertiliser ")
    return loans.apply_for_loan(uow, MAKER, member_id, command, NOW, loan_out)
