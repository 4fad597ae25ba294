"""Money moves one transaction at a time per group: two phones resending the same sheet at once
post it once, and withdrawals racing for the last cash do not overdraw it."""

from __future__ import annotations

import eventlet
import pytest
from sqlalchemy.orm import sessionmaker

from infra.config import database_url, load_config
from infra.engines import make_engine
from services.funding.db import FundingUnitOfWork, metadata
from tests.integration.funding.checks import assert_books_balance
from tests.integration.funding.desk import Desk
from tests.support.databases import upgrade


@pytest.fixture
def desks(database_template):
    """Six desks on one database sharing a cooperative pool, each with its own unit of work (as
    each nameko worker has)."""
    config = {**load_config(), "DATABASE_URL": database_template}
    upgrade(config, ["funding"])
    engine = make_engine(database_url(config, "funding"), green=True)
    sessions = sessionmaker(engine, expire_on_commit=False)
    yield [
        Desk(FundingUnitOfWork(sessions, metadata, source="funding", consumer="t"))
        for _ in range(6)
    ]
    engine.dispose()


def together(*calls):
    """Run the calls at the same time; their results or errors, in order."""

    def run(call):
        try:
            return call()
        except Exception as error:  # the test looks at which one lost
            return error

    threads = [eventlet.spawn(run, call) for call in calls]
    return [thread.wait() for thread in threads]


def test_the_same_sheet_sent_twice_at_once_is_posted_once(desks):
    first, second = desks[:2]
    group, maker, _ = first.ready_group()
    members = [first.borrower(group["id"], maker, "1000.00") for _ in range(5)]
    lines = [{"kind": "deposit", "member_id": m["id"], "amount_thb": "100.00"} for m in members]
    answers = together(
        lambda: first.sheet(maker, group["id"], lines, client_key="phone-1:meeting-7"),
        lambda: second.sheet(maker, group["id"], lines, client_key="phone-1:meeting-7"),
    )
    assert answers[0] == answers[1] and answers[0]["deposits_thb"] == "500.00"
    assert first.get_group(maker, group["id"])["balances"]["savings_thb"] == "5500.00"
    assert_books_balance(first.uow, group["id"])


def test_withdrawals_racing_for_the_last_cash_do_not_overdraw_it(desks):
    first = desks[0]
    group, maker, checker = first.ready_group()
    savers = [first.borrower(group["id"], maker, "1000.00") for _ in range(6)]
    first.disbursed_loan(group["id"], maker, checker, savers[0]["id"], "2000.00")  # cash: 4000
    answers = together(
        *(
            lambda desk=desk, saver=saver: desk.withdraw(maker, saver["id"], "900.00")
            for desk, saver in zip(desks[1:], savers[1:], strict=True)
        )
    )
    assert sorted(type(a).__name__ for a in answers) == ["Conflict"] + ["dict"] * 4
    assert first.get_group(maker, group["id"])["balances"]["cash_thb"] == "400.00"
    assert_books_balance(first.uow, group["id"])
