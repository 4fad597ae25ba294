"""Assertions about the books, straight from the database."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import select

from services.funding.db import FundingUnitOfWork


def assert_books_balance(uow: FundingUnitOfWork, group_id: str) -> None:
    """The group's balance columns equal the ledger's sums (every transfer balances by
    construction), and cash + loans outstanding = members' savings + retained income."""
    with uow:
        sums = uow.ledger.account_sums(group_id)
        group = uow.groups.get(group_id)
    assert group is not None
    zero = Decimal("0.00")
    cash, loans = sums.get("cash", zero), sums.get("loans", zero)
    savings, income = -sums.get("savings", zero), -sums.get("income", zero)
    assert sum(sums.values(), zero) == 0
    b = group.balances
    assert (b.cash, b.loans, b.savings, b.income) == (cash, loans, savings, income)
    assert cash + loans == savings + income


def outbox(uow: FundingUnitOfWork, event_type: str) -> list[dict]:
    """The data of the events of `event_type` written to the outbox, oldest first."""
    table = uow._outbox  # the same table the relay publishes from
    with uow:
        rows = uow.session.execute(
            select(table.c.payload).where(table.c.event_type == event_type).order_by(table.c.id)
        ).scalars()
        return [json.loads(payload)["data"] for payload in rows]
