"""Issue 15's screens against the demo provinces (`make long-test`: the demo's load takes
minutes): the system started as `make demo` starts it, the two provinces loaded through the API,
and each demo account signing in through the page; each of its main screens shows the demo's data
and no error. Screenshots (360 px) are written to the test output for review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import PHONE
from playwright.sync_api import Browser, Page, expect

from demo import system as demo_system
from demo.accounts import Account
from demo.load import run, shown_accounts
from tests.e2e.conftest import ADMIN_PASSWORD, System, launch
from tests.support.broker import RabbitAdmin

pytestmark = [pytest.mark.slow, pytest.mark.long]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, rabbit_admin: RabbitAdmin) -> Iterator[System]:
    settings = demo_system.load_settings()
    for system in launch(tmp_path_factory.mktemp("demo"), rabbit_admin, **settings):
        run(system.url, ADMIN_PASSWORD, say=lambda _: None)
        yield system


# what each demo account opens in the web app, and what its first screen shows
SCREENS = {
    "administrator": ["/admin", "/admin/teams"],
    "provincial_supervisor": [
        "/supervise", "/supervise/households", "/supervise/escalations", "/supervise/teams",
        "/supervise/plans", "/supervise/reports",
    ],
    "district_supervisor": ["/supervise", "/supervise/households", "/supervise/escalations"],
    "district_expert": ["/supervise", "/supervise/plans"],
    "subdistrict_coordinator": ["/"],
    "volunteer_leader": ["/"],
    "savings_group_officer": ["/savings"],
}  # fmt: skip
# Pattani runs the Sammachip programme, not Smile Team cases: no plans or escalations there
PATTANI_SUPERVISOR = ["/supervise", "/supervise/households", "/supervise/reports"]
LISTED = "main li, main tr"  # a list's items or a table's rows: the screen shows the demo's data
OPENS = {  # an item of the first screen, opened: the screen it opens shows data too
    "subdistrict_coordinator": "main li.card a",
    "volunteer_leader": "main li.card a",
    "savings_group_officer": "main li a",
}
SHOWN = [account for account in shown_accounts(ADMIN_PASSWORD) if account.role in SCREENS]


@pytest.mark.parametrize("account", SHOWN, ids=lambda account: account.username)
def test_a_demo_account_opens_its_screens_with_the_demo_data(
    demo: System, browser: Browser, account: Account, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = tmp_path_factory.getbasetemp() / "demo-screens"
    shots.mkdir(exist_ok=True)
    context = browser.new_context(base_url=demo.url, locale="th-TH", viewport=PHONE)
    visit_as(context.new_page(), account, shots)
    context.close()


def visit_as(page: Page, account: Account, shots: Path) -> None:
    page.goto("/")
    page.get_by_label("ชื่อผู้ใช้").fill(account.username)
    page.get_by_label("รหัสผ่าน").fill(account.password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()
    for path in screens(account):
        page.goto(path)
        shows_data(page, f"{account.username} {path}")
        page.screenshot(path=shots / f"{account.username}{path.replace('/', '_')}.png")
    if account.role in OPENS:
        first = screens(account)[0]
        page.goto(first)
        page.locator(OPENS[account.role]).first.click()
        shows_data(page, f"{account.username} opened from {first}")
        page.screenshot(path=shots / f"{account.username}_opened.png")


def screens(account: Account) -> list[str]:
    if account.username == "pti.province":
        return PATTANI_SUPERVISOR
    return SCREENS[account.role]


def shows_data(page: Page, where: str) -> None:
    expect(page.get_by_text("กำลังโหลด…")).to_have_count(0, timeout=30_000)
    expect(page.locator(LISTED).first, where).to_be_visible(timeout=30_000)
    alerts = [text for text in page.get_by_role("alert").all_inner_texts() if text.strip()]
    assert not alerts, f"{where}: {alerts}"
