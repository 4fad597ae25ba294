"""The arrears job's use cases with the fake unit of work: batches, announcing each notice once,
a rival run, the daily tick. No database, no broker."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.funding.db.arrears import AnnouncedMeanwhile, OverdueLoan
from services.funding.domain.arrears import Arrears
from services.funding.settings import Settings
from services.funding.usecases.arrears import ATTEMPTS_PER_BATCH, announce_overdue, daily_tick
from tests.unit.funding.fakes import FakePortfolio, FakeUnitOfWork

AS_OF = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok


GROUP = "6c0f5d2e-3a41-4b8e-9f1d-2b7c8a9e0f11"


def loan(number: int) -> str:
    """A loan's id (events carry UUIDs), in the order of `number`."""
    return f"00000000-0000-4000-8000-{number:012}"


def overdue(number: int, days: int = 5) -> OverdueLoan:
    arrears = Arrears(days, Decimal("250.00"), date(2026, 11, 1))
    return OverdueLoan(loan(number), GROUP, None, "24010101", 1, arrears)


def announced_loans(uow: FakeUnitOfWork) -> list[str]:
    return [data["loan_id"] for kind, data in uow.published if kind == "loan_overdue"]


def test_each_overdue_loan_is_announced_once_in_batches() -> None:
    uow = FakeUnitOfWork(FakePortfolio(overdue(n) for n in range(5)))
    settings = Settings(arrears_batch_size=2)

    assert announce_overdue(uow, AS_OF, NOW, settings) == 5
    assert announced_loans(uow) == [loan(n) for n in range(5)]
    assert uow.commits == 3  # batches of 2, 2 and 1
    assert announce_overdue(uow, AS_OF, NOW, settings) == 0
    assert len(uow.published) == 5


def test_a_loan_in_a_new_bucket_is_announced_again() -> None:
    portfolio = FakePortfolio([overdue(1, days=5)])
    uow = FakeUnitOfWork(portfolio)
    announce_overdue(uow, AS_OF, NOW, Settings())
    portfolio.loans = [overdue(1, days=35)]

    assert announce_overdue(uow, AS_OF, NOW, Settings()) == 1
    buckets = [data["bucket"] for _, data in uow.published]
    assert buckets == ["1-30", "31-60"]


def test_what_a_rival_run_announced_first_is_not_announced_again() -> None:
    portfolio = FakePortfolio(overdue(n) for n in range(3))
    portfolio.rivals = [{(loan(1), 1, "1-30")}]
    uow = FakeUnitOfWork(portfolio)

    assert announce_overdue(uow, AS_OF, NOW, Settings()) == 2
    assert announced_loans(uow) == [loan(0), loan(2)]
    assert portfolio.notices == {(loan(n), 1, "1-30") for n in range(3)}


def test_a_batch_that_keeps_colliding_gives_up_and_announces_nothing() -> None:
    portfolio = FakePortfolio(overdue(n) for n in range(ATTEMPTS_PER_BATCH))
    # each attempt, a rival run announces one more of the batch's loans just before it
    portfolio.rivals = [{(loan(n), 1, "1-30")} for n in range(ATTEMPTS_PER_BATCH)]
    uow = FakeUnitOfWork(portfolio)

    with pytest.raises(AnnouncedMeanwhile):
        announce_overdue(uow, AS_OF, NOW, Settings())
    assert uow.published == []
    assert uow.commits == 0


def test_the_daily_tick_runs_once_a_day_from_the_job_hour_in_bangkok() -> None:
    uow = FakeUnitOfWork(FakePortfolio([overdue(1)]))
    settings = Settings(arrears_job_hour=2)
    early = datetime(2026, 11, 30, 18, 30, tzinfo=UTC)  # 01:30 on 1 December in Bangkok
    on_time = datetime(2026, 11, 30, 19, 0, tzinfo=UTC)  # 02:00

    assert daily_tick(uow, early, settings) is None
    assert uow.published == []
    assert daily_tick(uow, on_time, settings) == 1
    assert uow.job_runs.done == {("arrears", date(2026, 12, 1))}
    assert daily_tick(uow, on_time.replace(hour=22), settings) is None
    assert len(uow.published) == 1
