"""Issue 6 over HTTP: savings groups, savings, loans from application to closed, collection sheets,
portfolios; each bad input of the issue refused naming the field or line with nothing posted; and
the funding-access flow households -> funding -> households over the real broker."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from tests.e2e.access_setup import PLAN
from tests.e2e.access_world import World, assigned, household, ok, smile_team
from tests.e2e.test_teams import Client, fields_of
from tests.support.waiting import wait_for

# Bang Khla (Chachoengsao): no other e2e test keeps savings groups or cases here
AREA = {"province": "24", "district": "2402", "tambon": "240201", "village": "24020101"}
NEIGHBOUR = "24020102"  # another village of the same tambon
RULES = {
    "min_monthly_saving_thb": "100.00",
    "annual_interest_rate": "12",
    "interest_method": "declining",
    "max_loan_multiple": "2",
    "max_term_months": 24,
}


def today() -> str:
    return (datetime.now(UTC) + timedelta(hours=7)).date().isoformat()  # Bangkok's day


@pytest.fixture(scope="module")
def world(system):
    return World(system, Client(system.url, system.admin_token))


@pytest.fixture(scope="module")
def desk(world):
    """A network over Bang Khla and one group with a maker and a checker on its committee."""
    people = {
        name: world.person(f"f-{name}", "savings_group_officer", AREA["village"])
        for name in ("maker", "checker")
    }
    people["reader"] = world.person("f-reader", "district_supervisor", AREA["district"])
    network = ok(
        world.admin.call(
            "POST",
            "/api/v1/savings-networks",
            {"name": "Bang Khla network", "district_code": AREA["district"]},
        ),
        201,
    ).json()
    committee = [
        {"person_id": people["maker"]["id"], "role": "treasurer"},
        {"person_id": people["checker"]["id"], "role": "chair"},
    ]
    group = ok(
        world.admin.call(
            "POST",
            "/api/v1/savings-groups",
            {
                "name": "Ban Bang Khla savings group",
                "village_code": AREA["village"],
                "network_id": network["id"],
                "committee": committee,
                "rules": RULES,
            },
        ),
        201,
    ).json()
    return {
        "network": network,
        "group": group,
        "people": people,
        **{name: world.login(person) for name, person in people.items()},
    }


def saver(desk, savings: str = "1000.00") -> dict:
    maker, group = desk["maker"], desk["group"]["id"]
    body = {"first_name": "Malee", "last_name": "Suksai"}
    member = ok(maker.call("POST", f"/api/v1/savings-groups/{group}/members", body), 201).json()
    ok(maker.call("POST", f"/api/v1/savings-members/{member['id']}/deposits", amount(savings)), 201)
    return member


def amount(value, **more) -> dict:
    return {"amount_thb": value, **more}


def disbursed(desk, member_id: str, principal: str, term: int = 3) -> dict:
    maker, checker = desk["maker"], desk["checker"]
    body = {"amount_thb": principal, "term_months": term, "purpose": "seed and fertiliser"}
    applied = ok(maker.call("POST", f"/api/v1/savings-members/{member_id}/loans", body), 201)
    loan = applied.headers["Location"]
    approved = ok(checker.call("POST", f"{loan}/approval", etag=applied.headers["ETag"]))
    return ok(maker.call("POST", f"{loan}/disbursement", {}, etag=approved.headers["ETag"])).json()


def books(client, group_id: str) -> dict:
    return ok(client.call("GET", f"/api/v1/savings-groups/{group_id}/balances")).json()


def assert_balanced(balances: dict) -> None:
    held = Decimal(balances["cash_thb"]) + Decimal(balances["loans_outstanding_thb"])
    owed = Decimal(balances["savings_thb"]) + Decimal(balances["retained_income_thb"])
    assert held == owed, balances


def test_savings_and_a_loan_from_application_to_closed(desk):
    maker, checker, reader = desk["maker"], desk["checker"], desk["reader"]
    saver(desk, "1000.00")  # the group has the cash to lend
    member = saver(desk, "1000.00")
    path = f"/api/v1/savings-members/{member['id']}"
    taken = ok(maker.call("POST", f"{path}/withdrawals", amount("100.00")), 201).json()
    assert (taken["kind"], taken["savings_thb"]) == ("withdrawal", "900.00")
    shown = ok(maker.call("GET", path)).json()
    assert (shown["savings_thb"], shown["can_borrow_thb"]) == ("900.00", "1800.00")

    body = {"amount_thb": "1500.00", "term_months": 3, "purpose": "a pig pen"}
    applied = ok(maker.call("POST", f"{path}/loans", body), 201)
    loan = applied.headers["Location"]
    own = maker.call("POST", f"{loan}/approval", etag=applied.headers["ETag"])
    assert own.status_code == 403 and "other than" in own.json()["detail"]
    assert reader.call("POST", f"{loan}/approval", etag=applied.headers["ETag"]).status_code == 403
    approved = ok(checker.call("POST", f"{loan}/approval", etag=applied.headers["ETag"]))
    assert approved.json()["decided_by"] == desk["people"]["checker"]["id"]
    paid_out = ok(maker.call("POST", f"{loan}/disbursement", {}, etag=approved.headers["ETag"]))
    schedule = ok(maker.call("GET", f"{loan}/schedule")).json()
    assert (paid_out.json()["status"], len(schedule["installments"])) == ("disbursed", 3)
    assert sum(Decimal(i["principal_thb"]) for i in schedule["installments"]) == Decimal("1500")

    part = ok(maker.call("POST", f"{loan}/repayments", amount("500.00")), 201).json()
    assert Decimal(part["principal_thb"]) + Decimal(part["interest_thb"]) == Decimal("500.00")
    outstanding = Decimal("1500.00") - Decimal(part["principal_thb"])
    assert (part["loan_status"], part["outstanding_principal_thb"]) == (
        "disbursed",
        f"{outstanding}",
    )
    payoff = ok(maker.call("GET", loan)).json()["payoff_thb"]
    last = ok(maker.call("POST", f"{loan}/repayments", amount(payoff)), 201).json()
    assert (last["loan_status"], last["outstanding_principal_thb"]) == ("closed", "0.00")
    closed = maker.call("POST", f"{loan}/repayments", amount("10.00"))
    assert (
        closed.status_code == 409 and closed.headers["Content-Type"] == "application/problem+json"
    )

    group = desk["group"]["id"]
    assert_balanced(books(reader, group))
    ledger = ok(
        reader.call("GET", f"/api/v1/savings-groups/{group}/ledger", member_id=member["id"])
    )
    assert {row["kind"] for row in ledger.json()["items"]} >= {"deposit", "withdrawal"}
    listed = ok(reader.call("GET", f"/api/v1/savings-groups/{group}/loans", status="closed"))
    assert paid_out.json()["id"] in [item["id"] for item in listed.json()["items"]]


def test_the_portfolio_ages_arrears_and_only_old_arrears_are_written_off(desk):
    maker, reader = desk["maker"], desk["reader"]
    member = saver(desk, "1000.00")
    loan = disbursed(desk, member["id"], "600.00")
    path = f"/api/v1/loans/{loan['id']}"
    current = maker.call("GET", path)
    early = maker.call(
        "POST", f"{path}/write-off", {"reason": "moved away"}, etag=current.headers["ETag"]
    )
    assert early.status_code == 409 and "90 days" in early.json()["detail"]
    assert ok(maker.call("GET", path)).json() == current.json()

    group, network = desk["group"]["id"], desk["network"]["id"]
    later = (datetime.now(UTC) + timedelta(days=200)).date().isoformat()
    portfolio = ok(reader.call("GET", f"/api/v1/savings-groups/{group}/portfolio", as_of=later))
    aged = portfolio.json()
    assert aged["ageing"]["over-90"]["loans"] >= 1
    assert Decimal(aged["portfolio_at_risk_percent"]["par_90"]) > 0
    whole = ok(reader.call("GET", f"/api/v1/savings-networks/{network}/portfolio", as_of=later))
    assert whole.json()["groups"] == 1 and whole.json()["loans"] == aged["loans"]


@pytest.mark.parametrize("bad", ["0", "0.00", "-5.00", "100.005", 100.005, -1])
def test_zero_negative_or_three_decimal_amounts_are_refused_naming_the_field(desk, bad):
    maker = desk["maker"]
    member = saver(desk, "500.00")
    path = f"/api/v1/savings-members/{member['id']}"
    for route in ("deposits", "withdrawals"):
        refused = maker.call("POST", f"{path}/{route}", amount(bad))
        assert refused.status_code == 422 and fields_of(refused) == ["amount_thb"]
    application = {"amount_thb": bad, "term_months": 3, "purpose": "tools"}
    assert fields_of(maker.call("POST", f"{path}/loans", application)) == ["amount_thb"]
    assert ok(maker.call("GET", path)).json()["savings_thb"] == "500.00"


def test_a_loan_above_the_groups_limit_is_refused(desk):
    maker = desk["maker"]
    member = saver(desk, "1000.00")
    body = {"amount_thb": "2000.01", "term_months": 3, "purpose": "a tractor"}
    refused = maker.call("POST", f"/api/v1/savings-members/{member['id']}/loans", body)
    assert refused.status_code == 422 and fields_of(refused) == ["amount_thb"]
    too_long = {**body, "amount_thb": "100.00", "term_months": 36}
    refused = maker.call("POST", f"/api/v1/savings-members/{member['id']}/loans", too_long)
    assert fields_of(refused) == ["term_months"]
    listed = maker.call("GET", f"/api/v1/savings-groups/{desk['group']['id']}/loans")
    assert member["id"] not in [loan["member_id"] for loan in listed.json()["items"]]


def sheet(savers, loan, key=None, **changes) -> dict:
    lines = [{"kind": "deposit", "member_id": m["id"], "amount_thb": "100.00"} for m in savers]
    lines.append({"kind": "repayment", "loan_id": loan["id"], "amount_thb": "200.00"})
    return {"client_key": key or uuid.uuid4().hex, "meeting_on": today(), "lines": lines, **changes}


def test_a_collection_sheet_posts_all_lines_once_or_none(desk):
    maker, group = desk["maker"], desk["group"]["id"]
    savers = [saver(desk, "1000.00") for _ in range(3)]
    loan = disbursed(desk, savers[0]["id"], "1200.00", term=6)
    url = f"/api/v1/savings-groups/{group}/collection-sheets"

    bad = sheet(savers, loan)
    bad["lines"][1]["amount_thb"] = "100.001"
    bad["lines"][2]["member_id"] = loan["id"]  # not a member
    before = books(maker, group)
    refused = maker.call("POST", url, bad)
    assert refused.status_code == 422
    assert fields_of(refused) == ["lines.1.amount_thb"]  # checked field by field first
    unknown = sheet(savers, loan)
    unknown["lines"][2]["member_id"] = loan["id"]
    refused = maker.call("POST", url, unknown)
    assert refused.status_code == 422 and fields_of(refused) == ["lines.2.member_id"]
    assert books(maker, group) == before
    shown = maker.call("GET", f"/api/v1/savings-members/{savers[1]['id']}").json()
    assert shown["savings_thb"] == "1000.00"

    good = sheet(savers, loan, key="phone-7:meeting-1")
    posted = ok(maker.call("POST", url, good), 201).json()
    assert (posted["deposits_thb"], posted["repayments_thb"]) == ("300.00", "200.00")
    after = books(maker, group)
    assert Decimal(after["savings_thb"]) == Decimal(before["savings_thb"]) + 300
    again = ok(maker.call("POST", url, good), 201).json()
    assert again == posted and books(maker, group) == after
    changed = {**good, "meeting_on": good["meeting_on"], "lines": good["lines"][:1]}
    conflict = maker.call("POST", url, changed)
    assert conflict.status_code == 409 and fields_of(conflict) == ["client_key"]
    assert_balanced(books(maker, group))


def test_a_reader_sees_the_books_but_records_nothing(desk):
    reader, group = desk["reader"], desk["group"]["id"]
    member = saver(desk, "300.00")
    refused = reader.call("POST", f"/api/v1/savings-members/{member['id']}/deposits", amount("5"))
    assert refused.status_code == 403
    assert ok(reader.call("GET", f"/api/v1/savings-groups/{group}")).json()["may_record"] is False
    listed = ok(reader.call("GET", "/api/v1/savings-groups", area=AREA["district"])).json()
    assert group in [g["id"] for g in listed["items"]]


def case_in_manage(world) -> tuple[dict, str]:
    """A Smile Team of Bang Khla takes a household through consent to an approved plan."""
    team, people = smile_team(world, AREA, "f")
    coordinator, leader, expert = people["coordinator"], people["leader"], people["expert"]
    hid = household(coordinator, NEIGHBOUR)
    assigned(world, coordinator, hid, team)
    target = {"area_code": AREA["tambon"], "survey_year": 2026}
    ok(coordinator.call("POST", "/api/v1/targeting", target))
    hh = f"/api/v1/households/{hid}"
    current = wait_for(
        lambda: (r := leader.call("GET", hh)).status_code == 200 and r, what="the assignment"
    )
    consent = {"informed": True, "consented": True}
    ok(leader.call("POST", f"{hh}/consent", consent, etag=current.headers["ETag"]))
    plan = ok(coordinator.call("PUT", f"{hh}/plan", PLAN))
    plan = ok(coordinator.call("POST", f"{hh}/plan/submission", {}, etag=plan.headers["ETag"]))
    ok(expert.call("POST", f"{hh}/plan/approval", {}, etag=plan.headers["ETag"]))
    return people, hid


def intervention(client, hid: str, item_id: str) -> dict:
    case = ok(client.call("GET", f"/api/v1/households/{hid}/case")).json()
    return next(i for i in case["interventions"] if i["id"] == item_id)


def test_a_household_asks_for_funding_and_its_case_follows_the_loan(world, desk):
    people, hid = case_in_manage(world)
    coordinator, maker, checker = people["coordinator"], desk["maker"], desk["checker"]
    funding = {"amount_thb": "3000.00", "purpose": "a pig pen", "term_months": 6}
    body = {"kind": "funding_access", "description": "pigs", "funding": funding}
    asked = ok(coordinator.call("POST", f"/api/v1/households/{hid}/interventions", body), 201)
    item_id = asked.json()["id"]

    group = desk["group"]["id"]
    routed = wait_for(
        lambda: [
            r
            for r in maker.call("GET", f"/api/v1/savings-groups/{group}/funding-requests").json()[
                "items"
            ]
            if r["household_id"] == hid
        ],
        what="funding to route the household's request to the group",
    )[0]
    assert (routed["status"], routed["amount_thb"], routed["intervention_id"]) == (
        "pending",
        "3000.00",
        item_id,
    )
    request = f"/api/v1/funding-requests/{routed['id']}"
    current = maker.call("GET", request)
    granted = ok(
        maker.call(
            "POST", f"{request}/decision", {"decision": "accept"}, etag=current.headers["ETag"]
        )
    ).json()
    assert granted["status"] == "granted" and granted["member_id"]
    wait_for(
        lambda: intervention(coordinator, hid, item_id)["status"] == "accepted",
        what="households to hear the request was granted",
    )

    saver(desk, "2000.00")  # the group has the cash to lend
    member = f"/api/v1/savings-members/{granted['member_id']}"
    assert ok(maker.call("GET", member)).json()["household_id"] == hid
    ok(maker.call("POST", f"{member}/deposits", amount("2000.00")), 201)
    application = {**funding, "funding_request_id": granted["id"]}
    applied = ok(maker.call("POST", f"{member}/loans", application), 201)
    loan = applied.headers["Location"]
    approved = ok(checker.call("POST", f"{loan}/approval", etag=applied.headers["ETag"]))
    paid_out = ok(maker.call("POST", f"{loan}/disbursement", {}, etag=approved.headers["ETag"]))
    loan_id = paid_out.json()["id"]
    assert paid_out.json()["household_id"] == hid

    followed = wait_for(
        lambda: (i := intervention(coordinator, hid, item_id))["loan_id"] == loan_id and i,
        what="households to hear of the disbursement",
    )
    assert followed["status"] == "in_progress"
    assert followed["outcome"] == "loan disbursed: 3000.00 THB"
    assert ok(maker.call("GET", request)).json()["loan_id"] == loan_id

    payoff = ok(maker.call("GET", loan)).json()["payoff_thb"]
    ok(maker.call("POST", f"{loan}/repayments", amount(payoff)), 201)
    done = wait_for(
        lambda: (i := intervention(coordinator, hid, item_id))["status"] == "done" and i,
        what="households to hear the loan was repaid",
    )
    assert done["outcome"] == "loan repaid in full"
