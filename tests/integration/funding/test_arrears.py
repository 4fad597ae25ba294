"""Arrears ageing, portfolio at risk, and the daily job announcing overdue loans."""

from datetime import timedelta

import pytest

from services.funding.usecases.arrears import daily_tick
from tests.integration.funding.checks import outbox
from tests.integration.funding.desk import ADMIN


@pytest.fixture
def lent(desk):
    """A group lending 1200 over 6 months (declining, 12%) to a member; first due 21 Dec."""
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "5000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "1200.00")
    return group, maker, checker, member, loan


def buckets(desk):
    return [(e["bucket"], e["days_overdue"]) for e in outbox(desk.uow, "loan_overdue")]


def test_each_bucket_is_announced_once_however_often_the_job_runs(desk, lent):
    desk.pass_days(30 + 1)  # one day past the first due date
    assert desk.run_arrears_job()["announced"] == 1
    assert desk.run_arrears_job()["announced"] == 0
    desk.pass_days(29)
    desk.run_arrears_job()  # 30 days: still 1-30
    desk.pass_days(1)
    desk.run_arrears_job()
    desk.run_arrears_job()
    assert buckets(desk) == [("1-30", 1), ("31-60", 31)]
    event = outbox(desk.uow, "loan_overdue")[-1]
    assert (event["loan_id"], event["arrears_thb"], event["as_of"]) == (
        lent[4]["id"],
        "212.00",  # the first installment; the second falls due today, late from tomorrow
        (desk.today).isoformat(),
    )


def test_a_loan_caught_up_then_late_again_is_announced_again(desk, lent):
    _, maker, _, _, loan = lent
    desk.pass_days(35)
    desk.run_arrears_job()
    desk.repay(maker, loan["id"], "212.00")  # cured
    repaid = outbox(desk.uow, "loan_repaid")[-1]
    assert (repaid["in_arrears"], repaid["closed"], repaid["outstanding_thb"]) == (
        False,
        False,
        "1000.00",
    )
    desk.pass_days(31)  # the second installment (21 Jan) is now 5 days late
    desk.run_arrears_job()
    assert buckets(desk) == [("1-30", 5), ("1-30", 5)]


def test_the_daily_tick_runs_once_a_day_from_its_hour(desk, lent):
    desk.pass_days(31)
    early = desk.now.replace(hour=18)  # 01:00 in Bangkok, before the 02:00 job hour
    assert daily_tick(desk.uow, early, desk.settings) is None
    on_time = early + timedelta(hours=2)
    assert daily_tick(desk.uow, on_time, desk.settings) == 1
    assert daily_tick(desk.uow, on_time + timedelta(hours=3), desk.settings) is None
    assert len(buckets(desk)) == 1


def test_portfolio_ageing_and_portfolio_at_risk_per_group_and_network(desk):
    network = desk.create_network(ADMIN)
    group, maker, checker = desk.ready_group(network_id=network["id"])
    members = [desk.borrower(group["id"], maker, "5000.00") for _ in range(4)]
    loans = [
        desk.disbursed_loan(group["id"], maker, checker, m["id"], "1200.00") for m in members[:3]
    ]
    desk.pass_days(70)  # due 21 Dec and 21 Jan passed: 40 days overdue unless paid
    desk.repay(maker, loans[0]["id"], "422.00")  # current
    desk.repay(maker, loans[1]["id"], "212.00")  # 9 days overdue (since 21 Jan)
    portfolio = desk.group_portfolio(maker, group["id"])
    assert portfolio["loans"] == 3 and portfolio["outstanding_thb"] == "3000.00"
    ageing = {name: (b["loans"], b["outstanding_thb"]) for name, b in portfolio["ageing"].items()}
    assert ageing == {
        "current": (1, "800.00"),
        "1-30": (1, "1000.00"),
        "31-60": (1, "1200.00"),
        "61-90": (0, "0.00"),
        "over-90": (0, "0.00"),
    }
    assert portfolio["ageing"]["31-60"]["arrears_thb"] == "422.00"
    assert portfolio["portfolio_at_risk_percent"] == {
        "par_1": "73.33",  # 2200 / 3000
        "par_30": "40.00",  # 1200 / 3000
        "par_60": "0.00",
        "par_90": "0.00",
    }
    assert desk.network_portfolio(ADMIN, network["id"])["ageing"] == portfolio["ageing"]
