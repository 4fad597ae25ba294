"""Loans of the savings groups at every status, dated over the year: applied, approved,
rejected, repaid on time, closed, 1-30/31-60/61-90/over-90 days in arrears, one written off; and
the households' funding-access requests answered (granted, declined, repaid). Each loan is
applied for with a client key, so a second load finds it and takes only the steps missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from demo.http import Api
from demo.savings import Group, today

# days since disbursement, with nothing repaid, for each arrears bucket
ARREARS_DAYS = {"1-30": 45, "31-60": 75, "61-90": 105, "over-90": 150}
BUCKETS = tuple(ARREARS_DAYS)


@dataclass(frozen=True)
class LoanPlan:
    key: str
    member: int  # which of the group's members borrows
    amount: str
    term: int
    decision: str | None = None  # approve / reject; None leaves it applied
    disbursed_days_ago: int | None = None
    repay: str = "none"  # none / due (each installment due by now) / all
    write_off: bool = False


def plans_for(group: Group) -> list[LoanPlan]:
    arrears = BUCKETS[group.number % 4]
    other = BUCKETS[(group.number + 2) % 4]
    return [
        LoanPlan("applied", 6, "2000.00", 6),
        LoanPlan("approved", 7, "1500.00", 6, "approve"),
        LoanPlan("rejected", 8, "900.00", 3, "reject"),
        LoanPlan("current", 0, "9000.00", 10, "approve", 100, "due"),
        LoanPlan("closed", 2, "3000.00", 3, "approve", 200, "all"),
        LoanPlan(f"arrears-{arrears}", 1, "6000.00", 6, "approve", ARREARS_DAYS[arrears],
                 write_off=group.number == 3),
        LoanPlan(f"arrears-{other}", 3, "5000.00", 6, "approve", ARREARS_DAYS[other]),
    ]  # fmt: skip


def grant_loans(group: Group) -> None:
    for plan in plans_for(group):
        drive(group, group.members[plan.member]["id"], plan, f"demo-loan-{group.village}")


def drive(group: Group, member_id: str, plan: LoanPlan, prefix: str, **link: Any) -> dict:
    """Apply (once, by client key), then approve or reject, disburse, repay, write off."""
    treasurer, chair = group.treasurer, group.chair
    assert treasurer is not None and chair is not None
    body = {
        "amount_thb": plan.amount,
        "term_months": plan.term,
        "purpose": "ทุนประกอบอาชีพ",
        "client_key": f"{prefix}-{plan.key}",
        **link,
    }
    first = treasurer.post(f"/savings-members/{member_id}/loans", body, status=(200, 201))
    path = f"/loans/{first['id']}"
    loan = treasurer.get(path)  # a resent application answers as it first did: read it as it is
    if loan["status"] == "applied" and plan.decision == "approve":
        loan = chair.post(f"{path}/approval", etag=f'"{loan["version"]}"', status=200)
    if loan["status"] == "applied" and plan.decision == "reject":
        reason = {"reason": "สมาชิกยังค้างส่งเงินสัจจะ"}
        loan = chair.post(f"{path}/rejection", reason, etag=f'"{loan["version"]}"', status=200)
    if loan["status"] == "approved" and plan.disbursed_days_ago is not None:
        on = {"on": (today() - timedelta(days=plan.disbursed_days_ago)).isoformat()}
        loan = treasurer.post(f"{path}/disbursement", on, etag=f'"{loan["version"]}"', status=200)
    if loan["status"] == "disbursed" and plan.repay != "none":
        _repay(group, loan, plan.repay == "all")
        loan = treasurer.get(path)
    if loan["status"] == "disbursed" and plan.write_off:
        body = {"reason": "สมาชิกย้ายออกนอกพื้นที่ ติดตามไม่ได้"}
        loan = treasurer.post(f"{path}/write-off", body, etag=f'"{loan["version"]}"', status=200)
    return loan


def _repay(group: Group, loan: dict[str, Any], everything: bool) -> None:
    """Each installment due by now repaid at the meeting on its due day (its own sheet); with
    `everything`, the rest paid off today."""
    for installment in loan["schedule"]:
        due = date.fromisoformat(installment["due_on"])
        owed = Decimal(installment["principal_thb"]) + Decimal(installment["interest_thb"])
        paid = Decimal(installment["principal_paid_thb"]) + Decimal(
            installment["interest_paid_thb"]
        )
        if paid < owed and due <= today():
            key = f"demo-repay-{loan['id'][:8]}-{installment['seq']}"
            _sheet(group, key, due, loan["id"], owed - paid)
    if everything:
        assert group.treasurer is not None
        left = group.treasurer.get(f"/loans/{loan['id']}")
        if left["status"] == "disbursed":
            key = f"demo-payoff-{loan['id'][:8]}"
            _sheet(group, key, today(), loan["id"], Decimal(left["payoff_thb"]))


def _sheet(group: Group, key: str, on: date, loan_id: str, amount: Decimal) -> None:
    assert group.treasurer is not None
    line = {"kind": "repayment", "loan_id": loan_id, "amount_thb": f"{amount:.2f}"}
    body = {"client_key": key, "meeting_on": on.isoformat(), "lines": [line]}
    group.treasurer.post(f"/savings-groups/{group.id}/collection-sheets", body, status=(200, 201))


def answer_requests(group: Group, outcome_of: dict[str, str]) -> int:
    """The committee answers the household requests routed to the group: `outcome_of` says,
    per household id, granted (a loan being repaid), repaid (in full) or declined."""
    answered = 0
    for request in requests_of(group):
        outcome = outcome_of.get(request["household_id"])
        if outcome is None:
            continue
        if request["status"] == "pending":
            request = _decide(group.treasurer, request, outcome)
            answered += 1
        if request["status"] == "granted":
            _lend(group, request, outcome)
    return answered


def requests_of(group: Group) -> list[dict[str, Any]]:
    assert group.treasurer is not None
    return list(group.treasurer.items(f"/savings-groups/{group.id}/funding-requests"))


def _decide(treasurer: Api, request: dict[str, Any], outcome: str) -> dict[str, Any]:
    body: dict[str, Any] = {"decision": "accept"}
    if outcome == "declined":
        body = {"decision": "decline", "reason": "เงินทุนของกลุ่มไม่พอในรอบนี้"}
    path = f"/funding-requests/{request['id']}/decision"
    return treasurer.post(path, body, etag=f'"{request["version"]}"', status=200)


def _lend(group: Group, request: dict[str, Any], outcome: str) -> None:
    """The new member saves first (a loan is at most three times one's savings), then borrows."""
    assert group.treasurer is not None
    member, key = request["member_id"], f"demo-fund-{request['id'][:8]}"
    saved = {"amount_thb": "3000.00", "on": (today() - timedelta(days=90)).isoformat()}
    group.treasurer.post(
        f"/savings-members/{member}/deposits", {**saved, "client_key": f"{key}-savings"},
        status=(200, 201),
    )  # fmt: skip
    plan = LoanPlan(
        "loan", 0, "8000.00", 10, "approve", 60, "all" if outcome == "repaid" else "due"
    )
    drive(group, member, plan, key, funding_request_id=request["id"])
