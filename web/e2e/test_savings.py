"""The savings-group officer's screens in a real browser against the running system (issue 15,
test 4): a treasurer enters a meeting's collection sheet offline and, after reconnecting, it is
sent twice (the first answer is lost on the way back): the server posts it once. Also axe-core on
the officer screens and their screenshots at 360 and 1280 px."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from browsing import DESK, PHONE, axe_violations, opened
from playwright.sync_api import Browser, Page, Route, expect

from infra.config import PROJECT_ROOT
from tests.e2e.access_world import World, ok
from tests.e2e.test_teams import PASSWORD, Client

VILLAGE = "24050101"  # Bang Pakong, Chachoengsao: no other browser test keeps groups here
RULES = {
    "min_monthly_saving_thb": "100.00",
    "annual_interest_rate": "12",
    "interest_method": "declining",
    "max_loan_multiple": "2",
    "max_term_months": 24,
}
T = TypeVar("T")
NAMES = [("กัญญา", "สุขใส"), ("สมชาย", "ใจดี"), ("มาลี", "ศรีสุข")]


@dataclass
class Group:
    id: str
    username: str
    treasurer: Client
    members: list[str]
    loans: list[str]  # the first paid out a month ago, the second today


def bangkok_today():
    return datetime.now(ZoneInfo("Asia/Bangkok")).date()


@pytest.fixture(scope="module")
def group(system) -> Group:
    assert (PROJECT_ROOT / "web" / "dist" / "index.html").is_file(), "build it: make web"
    world = World(system, Client(system.url, system.admin_token))
    maker, checker = (world.person(n, "savings_group_officer", VILLAGE) for n in ("wg-t", "wg-c"))
    body = {
        "name": "กลุ่มออมทรัพย์บ้านบางปะกง",
        "village_code": VILLAGE,
        "network_id": None,
        "committee": [
            {"person_id": maker["id"], "role": "treasurer"},
            {"person_id": checker["id"], "role": "chair"},
        ],
        "rules": RULES,
    }
    group_id = ok(world.admin.call("POST", "/api/v1/savings-groups", body), 201).json()["id"]
    treasurer, chair = world.login(maker), world.login(checker)
    members = [enrolled(treasurer, group_id, first, last) for first, last in NAMES]
    month_ago = (bangkok_today() - timedelta(days=31)).isoformat()
    loans = [
        lent(treasurer, chair, members[0], "1500.00", month_ago),
        lent(treasurer, chair, members[1], "1000.00", None),
    ]
    return Group(group_id, maker["username"], treasurer, members, loans)


def enrolled(treasurer: Client, group_id: str, first: str, last: str) -> str:
    path = f"/api/v1/savings-groups/{group_id}/members"
    member = ok(treasurer.call("POST", path, {"first_name": first, "last_name": last}), 201)
    member_id = member.json()["id"]
    deposit = {"amount_thb": "3000.00"}
    ok(treasurer.call("POST", f"/api/v1/savings-members/{member_id}/deposits", deposit), 201)
    return member_id


def lent(treasurer: Client, chair: Client, member_id: str, amount: str, on: str | None) -> str:
    body = {"amount_thb": amount, "term_months": 3, "purpose": "เลี้ยงหมู"}
    applied = ok(treasurer.call("POST", f"/api/v1/savings-members/{member_id}/loans", body), 201)
    loan = applied.headers["Location"]
    approved = ok(chair.call("POST", f"{loan}/approval", etag=applied.headers["ETag"]))
    paid_out = treasurer.call("POST", f"{loan}/disbursement", {"on": on}, approved.headers["ETag"])
    return ok(paid_out).json()["id"]


@pytest.fixture
def page(browser: Browser, system) -> Iterator[Page]:
    # Requests a service worker handles escape page.route: this test intercepts the sheet's answer.
    yield from opened(browser, system, PHONE, service_workers="block")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots for review (the test output, never committed)."""
    return tmp_path_factory.mktemp("savings-screenshots")


def sign_in(page: Page, group: Group) -> None:
    page.goto("/")
    page.get_by_label("ชื่อผู้ใช้").fill(group.username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("heading", name="กลุ่มออมทรัพย์ของฉัน")).to_be_visible()


def sheet_entries(group: Group) -> Counter:
    """The group's ledger entries posted by a sheet: (kind, member or loan, amount, sheet)."""
    path = f"/api/v1/savings-groups/{group.id}/ledger"
    rows = ok(group.treasurer.call("GET", path, limit=200)).json()["items"]
    entries = {row["entry_id"]: row for row in rows if row["sheet_id"]}
    return Counter(
        (e["kind"], e["loan_id"] or e["member_id"], e["sheet_id"]) for e in entries.values()
    )


def until(page: Page, check: Callable[[], T], what: str, timeout: float = 15.0) -> T:
    """`wait_for` that lets Playwright run meanwhile (route handlers run only while it waits)."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        page.wait_for_timeout(100)
    return result


# The sheet's draft as the app keeps it in IndexedDB (smile-web, store "cache").
READ_DRAFT = """key => new Promise((resolve, reject) => {
  const opened = indexedDB.open("smile-web");
  opened.onerror = () => reject(opened.error);
  opened.onsuccess = () => {
    const read = opened.result.transaction("cache").objectStore("cache").get(key);
    read.onsuccess = () => {
      resolve(read.result ? read.result.value : null);
      opened.result.close();
    };
  };
})"""


def kept_deposits(page: Page, group_id: str) -> dict | None:
    draft = page.evaluate(READ_DRAFT, f"savings:draft:{group_id}")
    return draft and draft["entries"]["deposits"]


DEPOSITS = ["100", "200", "150.50"]
REPAYMENTS = ["300", "250"]


def test_a_sheet_entered_offline_and_sent_twice_is_posted_once(page: Page, group: Group):
    sign_in(page, group)
    page.locator(f'a[href="/savings/groups/{group.id}"]').click()
    expect(page.locator("li[data-member]")).to_have_count(3)  # read online: kept on the device
    page.get_by_role("link", name="บันทึกการประชุมประจำเดือน").click()
    first = page.locator(f"#deposit-{group.members[0]}")
    first.fill("1")
    until(page, lambda: kept_deposits(page, group.id) == {group.members[0]: "1"}, what="the draft")
    page.reload()  # what is typed is kept on the device
    expect(first).to_have_value("1")
    page.context.set_offline(True)
    page.get_by_role("link", name="กลุ่มออมทรัพย์ของฉัน").click()
    page.locator(f'a[href="/savings/groups/{group.id}"]').click()
    page.get_by_role("link", name="บันทึกการประชุมประจำเดือน").click()
    expect(page.get_by_text("ข้อมูลที่บันทึกไว้ในเครื่อง (ออฟไลน์)")).to_be_visible()
    expect(first).to_have_value("1")
    for member, amount in zip(group.members, DEPOSITS, strict=True):
        page.locator(f"#deposit-{member}").fill(amount)
    for loan, amount in zip(group.loans, REPAYMENTS, strict=True):
        page.locator(f"#repayment-{loan}").fill(amount)
    expect(page.locator('[data-total="deposits"]')).to_have_text("450.50 บาท")
    expect(page.locator('[data-total="total"]')).to_have_text("1,000.50 บาท")
    page.get_by_role("button", name="บันทึกและส่งใบบันทึก").click()
    expect(page.get_by_role("status").filter(has_text="บันทึกแล้ว รอส่ง")).to_be_visible()
    expect(page.get_by_text("รอส่ง 1 รายการ")).to_be_visible()
    assert sheet_entries(group) == Counter()

    sent: list[int] = []

    def answer_lost_once(route: Route) -> None:
        """The sheet reaches the server; the first time its answer is lost on the way back."""
        answer = route.fetch()
        sent.append(answer.status)
        if len(sent) == 1:
            route.abort("connectionreset")
        else:
            route.fulfill(response=answer)

    page.route("**/collection-sheets", answer_lost_once)
    page.context.set_offline(False)  # back online: the queue sends the sheet
    try:
        until(page, lambda: sent == [201], what="the first send")
    except AssertionError as late:  # what the server answered, and what the queue shows
        badge = page.locator("a.badge").inner_text()
        raise AssertionError(f"{late}; answers so far: {sent}; the queue: {badge}") from None
    posted = until(page, lambda: sheet_entries(group), what="the sheet on the server")
    expect(page.get_by_text("รอส่ง 1 รายการ")).to_be_visible()  # no answer: still waiting
    page.get_by_text("รอส่ง 1 รายการ").click()
    page.get_by_role("button", name="ส่งตอนนี้").click()  # sent again, with the same client key
    expect(page.get_by_text("รอส่ง 0 รายการ")).to_be_visible()
    expect(page.locator('li[data-state="sent"]')).to_have_count(1)
    assert sent == [201, 201]
    assert sheet_entries(group) == posted
    [sheet] = {sheet_id for _, _, sheet_id in posted}
    expected = {("deposit", m, sheet) for m in group.members}
    expected |= {("repayment", loan, sheet) for loan in group.loans}
    assert posted == Counter(expected)  # each line once
    savings = [
        ok(group.treasurer.call("GET", f"/api/v1/savings-members/{m}")).json()["savings_thb"]
        for m in group.members
    ]
    assert savings == ["3100.00", "3200.00", "3150.50"]


@pytest.fixture(params=[PHONE, DESK], ids=["360px", "1280px"])
def axe_page(request, browser: Browser, system) -> Iterator[Page]:
    """The CSP forbids injected scripts; the test browser lets axe's in."""
    yield from opened(browser, system, request.param, bypass_csp=True)


def test_the_officer_screens_show_the_apis_figures_with_no_serious_accessibility_violation(
    axe_page: Page, group: Group, shots: Path
):
    page, seen = axe_page, {}
    width = page.viewport_size["width"] if page.viewport_size else 0
    sign_in(page, group)
    screens = {
        "groups": "/savings",
        "group": f"/savings/groups/{group.id}",
        "sheet": f"/savings/groups/{group.id}/sheet",
        "loan": f"/savings/loans/{group.loans[0]}",
    }
    for name, path in screens.items():
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_text("กำลังโหลด…")).to_have_count(0)
        page.screenshot(path=shots / f"{name}-{width}.png", full_page=True)
        seen[name] = axe_violations(page)
    assert {name: found for name, found in seen.items() if found} == {}
    loan = ok(group.treasurer.call("GET", f"/api/v1/loans/{group.loans[0]}")).json()
    expect(page.locator("table.schedule tbody tr")).to_have_count(len(loan["schedule"]))
    days = loan["arrears"]["days_overdue"]
    arrears = page.locator("main .in-arrears, main .on-time").first
    if days:
        expect(arrears).to_have_attribute("data-days", str(days))
    else:
        expect(arrears).to_have_text("ไม่ค้างชำระ")
