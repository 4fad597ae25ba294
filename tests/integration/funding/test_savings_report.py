"""The funding service's part of the savings-and-loans report on a real database (SQLite and
PostgreSQL): the same ageing as the group portfolio, per child area, within each caller's reach."""

import pytest

from infra.caller import Role
from infra.errors import NotFound
from services.funding.usecases.commands import SavingsReport
from services.funding.usecases.reports import savings_report
from tests.integration.funding.desk import ADMIN, supervisor


def report(desk, caller, area, year=2570):
    answer = savings_report(desk.uow, caller, SavingsReport(area, year), desk.now)
    return {row["key"]: row for row in answer["rows"]}


@pytest.fixture
def lending(desk):
    """Three loans of 1200 in a Mueang group 70 days on (as in test_arrears), one group in Bang
    Khla with a saver and no loan."""
    group, maker, checker = desk.ready_group()
    members = [desk.borrower(group["id"], maker, "5000.00") for _ in range(4)]
    loans = [
        desk.disbursed_loan(group["id"], maker, checker, m["id"], "1200.00") for m in members[:3]
    ]
    desk.pass_days(70)
    desk.repay(maker, loans[0]["id"], "422.00")
    desk.repay(maker, loans[1]["id"], "212.00")
    other, other_maker, _ = desk.ready_group(village_code="24020101", name="Bang Khla group")
    desk.borrower(other["id"], other_maker, "300.00")
    return group, maker


def test_the_report_ages_loans_as_the_group_portfolio_does(desk, lending):
    group, maker = lending
    portfolio = desk.group_portfolio(maker, group["id"])
    rows = report(desk, ADMIN, "24")
    assert set(rows) == {"2401", "2402"}
    mueang = rows["2401"]
    assert (mueang["groups"], mueang["members"], mueang["loans_outstanding"]) == (1, 4, 3)
    assert mueang["principal_outstanding"] == portfolio["outstanding_thb"] == "3000.00"
    ageing = portfolio["ageing"]
    for bucket, name in (("current", "current"), ("1_30", "1-30"), ("31_60", "31-60")):
        assert mueang[f"owed_{bucket}"] == ageing[name]["outstanding_thb"]
    late = sum(bucket["loans"] for name, bucket in ageing.items() if name != "current")
    assert mueang["loans_in_arrears"] == late > 0
    assert mueang["at_risk_30"] == "1200.00"  # PAR30 40% = 1200 / 3000, as the portfolio says
    assert portfolio["portfolio_at_risk_percent"]["par_30"] == "40.00"
    assert mueang["savings"] == "20000.00" and rows["2402"]["savings"] == "300.00"
    assert rows["2402"]["groups"] == 1 and "loans_outstanding" not in rows["2402"]


def test_each_caller_counts_only_their_reach(desk, lending):
    assert set(report(desk, supervisor("2402"), "24")) == {"2402"}
    assert set(report(desk, supervisor("24", role=Role.PROVINCIAL_SUPERVISOR), "24")) == {
        "2401",
        "2402",
    }
    with pytest.raises(NotFound):
        report(desk, supervisor("2402"), "2401")
    assert set(report(desk, ADMIN, "2401")) == {"240101"}
