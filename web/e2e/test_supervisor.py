"""The supervisor screens in a real browser against the running system (issue 15, tests 1 and 5):
a district supervisor's dashboard shows the API's counts for the area and each opens its list; a
case opens; a plan is approved; an escalation is resolved; a report's Excel file holds the numbers
the page shows."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from browsing import DESK, PHONE, axe_violations, opened
from playwright.sync_api import Browser, Page, expect

from infra.config import PROJECT_ROOT
from tests.e2e.access_world import World, assigned, household, ok, smile_team
from tests.e2e.test_teams import PASSWORD, Client
from tests.support.waiting import wait_for

AREA = {"province": "24", "district": "2403", "tambon": "240301", "village": "24030101"}
EMPTY = "\N{EN DASH}"  # what the page shows for no value
GOAL = {"capital": "economic", "description": "income", "baseline": "1", "target": "2"}


@dataclass
class District:
    username: str
    coordinator: str  # a field worker's username (the field screens)
    supervisor: Client
    waiting_plan: str  # a household whose plan waits for approval
    consented: str  # a household in stage compass with no plan yet
    escalation: str  # the team-incomplete escalation, open


@pytest.fixture(scope="module")
def district(system) -> District:
    assert (PROJECT_ROOT / "web" / "dist" / "index.html").is_file(), "build it: make web"
    world = World(system, Client(system.url, system.admin_token))
    team, people = smile_team(world, AREA, "sv")
    coordinator, leader, supervisor = people["coordinator"], people["leader"], people["supervisor"]
    homes = [household(coordinator, AREA["village"]) for _ in range(3)]
    for household_id in homes:
        assigned(world, coordinator, household_id, team)
    target(coordinator)
    waiting_plan, consented = homes[0], homes[1]
    for household_id in (waiting_plan, consented):
        consent(leader, household_id)
    plan = ok(coordinator.call("PUT", f"/api/v1/households/{waiting_plan}/plan", {"goals": [GOAL]}))
    path = f"/api/v1/households/{waiting_plan}/plan/submission"
    ok(coordinator.call("POST", path, {}, etag=plan.headers["ETag"]))
    escalation = team_incomplete(supervisor, team, people["people"]["leader"]["id"])
    username = people["people"]["supervisor"]["username"]
    field_worker = people["people"]["coordinator"]["username"]
    return District(username, field_worker, supervisor, waiting_plan, consented, escalation)


def target(coordinator: Client) -> None:
    body = {"area_code": AREA["tambon"], "survey_year": 2026}
    answer = wait_for(
        lambda: (r := coordinator.call("POST", "/api/v1/targeting", body)).status_code != 412 and r,
        what="targeting without a concurrent change",
    )
    assert answer.status_code == 200, answer.text


def consent(leader: Client, household_id: str) -> None:
    current = wait_for(
        lambda: (r := leader.call("GET", f"/api/v1/households/{household_id}")).status_code == 200
        and r.json()["stage"] == "target"
        and r,
        what="the targeted household to reach the leader",
    )
    body = {"informed": True, "consented": True}
    path = f"/api/v1/households/{household_id}/consent"
    ok(leader.call("POST", path, body, etag=current.headers["ETag"]))


def team_incomplete(supervisor: Client, team: str, leaving: str) -> str:
    """The leader leaves the team: an escalation opens for the district."""
    current = supervisor.call("GET", f"/api/v1/teams/{team}")
    body = {"person_id": leaving, "reason": "moved"}
    ok(supervisor.call("POST", f"/api/v1/teams/{team}/departures", body, current.headers["ETag"]))
    found = wait_for(
        lambda: supervisor.call(
            "GET", "/api/v1/escalations", area_code=AREA["district"], status="open"
        ).json()["items"],
        what="the team-incomplete escalation",
    )
    return found[0]["id"]


@pytest.fixture
def page(browser: Browser, system) -> Iterator[Page]:
    yield from opened(browser, system, PHONE, accept_downloads=True)


@pytest.fixture
def desk(browser: Browser, system) -> Iterator[Page]:
    yield from opened(browser, system, DESK, accept_downloads=True)


def sign_in(page: Page, district: District, username: str | None = None) -> None:
    page.goto("/")
    page.get_by_label("ชื่อผู้ใช้").fill(username or district.username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    heading = "ครัวเรือนของฉัน" if username else "ภาพรวมพื้นที่"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def report(district: District, name: str, **params) -> dict:
    answer = district.supervisor.call(
        "GET", f"/api/v1/reports/{name}", area=AREA["district"], **params
    )
    return ok(answer).json()


def shown_counts(page: Page) -> dict[str, int]:
    links = page.locator("a[data-count]")
    expect(links.first).to_be_visible()
    return {
        link.get_attribute("data-count"): int(link.locator(".count").inner_text().replace(",", ""))
        for link in links.all()
    }


def api_counts(district: District) -> dict[str, int]:
    cases, escalations, savings = (
        report(district, name)["totals"] for name in ("cases", "escalations", "savings")
    )
    keys = [f"stage_{s}" for s in ("registered", "target", "compass", "manage", "care")]
    counts = {k: cases.get(k, 0) for k in [*keys, "stage_graduated", "overdue_visits"]}
    counts["plans_waiting"] = cases.get("plans_waiting", 0)
    counts["loans_in_arrears"] = savings.get("loans_in_arrears", 0)
    for key in ("open_level_0", "open_level_1", "open_level_2", "acknowledged_open"):
        counts[key] = escalations.get(key, 0)
    return counts


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots for review (the test output, never committed)."""
    return tmp_path_factory.mktemp("supervisor-screenshots")


def test_a_district_supervisor_reads_the_dashboard_and_acts_on_it(
    page: Page, district: District, shots: Path
):
    sign_in(page, district)
    shown = shown_counts(page)
    page.screenshot(path=shots / "dashboard-360.png", full_page=True)
    assert shown == api_counts(district)
    assert shown["plans_waiting"] >= 1 and shown["stage_compass"] >= 2 and shown["open_level_0"]

    page.locator('a[data-count="stage_compass"]').click()
    expect(page.get_by_role("heading", name="ครัวเรือนในพื้นที่ · ขั้นตอน จัดทำเข็มทิศชีวิต")).to_be_visible()
    expect(page.locator("main li.card")).to_have_count(shown["stage_compass"])
    page.screenshot(path=shots / "households-by-stage-360.png", full_page=True)
    page.locator(f'a[href="/households/{district.consented}"]').click()
    expect(page.get_by_role("heading", name="สมาชิก")).to_be_visible()
    page.go_back()

    page.get_by_role("link", name="อนุมัติแผน").click()
    expect(page.get_by_role("heading", name="แผนรออนุมัติ")).to_be_visible()
    expect(page.locator("main li.card")).to_have_count(shown["plans_waiting"])
    page.locator(f'a[href="/supervise/plans/{district.waiting_plan}"]').click()
    expect(page.get_by_role("button", name="อนุมัติแผน")).to_be_visible()
    page.screenshot(path=shots / "plan-review-360.png", full_page=True)
    page.get_by_role("button", name="อนุมัติแผน").click()
    expect(page.get_by_role("status").filter(has_text="อนุมัติแล้ว")).to_be_visible()
    plans = district.supervisor.call("GET", f"/api/v1/households/{district.waiting_plan}/plans")
    assert [p["status"] for p in plans.json()["items"]] == ["approved"]

    page.get_by_role("link", name="ภาพรวมพื้นที่").click()
    page.locator('a[data-count="open_level_0"]').click()  # the inbox at the expert's level
    expect(page.locator("main li.card")).to_have_count(shown["open_level_0"])
    card = page.locator(f'li[data-escalation="{district.escalation}"]')
    expect(card).to_be_visible()
    page.screenshot(path=shots / "escalations-360.png", full_page=True)
    card.get_by_label("บันทึกการแก้ไข").fill("A new leader joins on Monday")
    card.get_by_role("button", name="แก้ไขเสร็จ").click()
    expect(card.get_by_role("status")).to_have_text("แก้ไขเสร็จแล้ว")
    resolved = district.supervisor.call("GET", f"/api/v1/escalations/{district.escalation}").json()
    assert (resolved["status"], resolved["resolution_note"]) == (
        "resolved",
        "A new leader joins on Monday",
    )
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Escalation inbox")).to_be_visible()
    expect(card.get_by_role("status")).to_have_text("Resolved")


def test_a_reports_excel_file_holds_the_numbers_the_page_shows(
    desk: Page, district: District, shots: Path
):
    page = desk
    sign_in(page, district)
    expect(page.locator("a[data-count]").first).to_be_visible()
    page.screenshot(path=shots / "dashboard-1280.png", full_page=True)
    page.get_by_role("link", name="รายงาน", exact=True).click()
    page.get_by_role("combobox", name="รายงาน", exact=True).select_option("cases")
    page.get_by_role("combobox", name="พื้นที่").select_option(AREA["district"])
    page.get_by_role("button", name="แสดงรายงาน").click()
    expect(page.get_by_text("กำลังโหลด…")).to_have_count(0)
    total = page.locator('table.report tr[data-row="total"]')
    expect(total).to_be_visible()
    page.screenshot(path=shots / "reports-1280.png", full_page=True)
    on_page = {
        cell.get_attribute("data-column"): cell.inner_text() for cell in total.locator("td").all()
    }
    totals = report(district, "cases")["totals"]
    assert int(on_page["plans_waiting"]) == totals["plans_waiting"], (on_page, totals)
    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลด Excel").click()
    workbook = io.BytesIO(download.value.path().read_bytes())
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    assert_same_numbers(page, sheet, on_page)


def assert_same_numbers(page: Page, sheet, on_page: dict[str, str]) -> None:
    """Each column's total on the page equals the workbook's last row (per cent as a fraction)."""
    headers = [cell.value for cell in sheet[6]][2:]
    page_headers = page.locator("table.report thead th").all_inner_texts()[1:]
    assert headers == page_headers
    totals = [cell.value for cell in sheet[sheet.max_row]][2:]
    keys = page.locator('table.report tr[data-row="total"] td').evaluate_all(
        "cells => cells.map(c => c.dataset.column)"
    )
    for key, header, in_file in zip(keys, headers, totals, strict=True):
        shown = on_page[key]
        if shown == EMPTY:
            assert in_file in (None, ""), header
        elif "%" in header:
            assert in_file == pytest.approx(float(shown) / 100), header
        else:
            assert in_file == pytest.approx(float(shown)), header


@pytest.fixture(params=[PHONE, DESK], ids=["360px", "1280px"])
def axe_page(request, browser: Browser, system) -> Iterator[Page]:
    """The CSP forbids injected scripts; the test browser lets axe's in."""
    yield from opened(browser, system, request.param, bypass_csp=True)


def test_every_main_screen_has_no_serious_accessibility_violation(
    axe_page: Page, district: District
):
    page, seen = axe_page, {}
    page.goto("/")
    expect(page.get_by_label("ชื่อผู้ใช้")).to_be_visible()
    seen["sign-in"] = axe_violations(page)
    sign_in(page, district, district.coordinator)
    field = {"households": "/", "case": f"/households/{district.consented}", "queue": "/queue"}
    for name, path in field.items():
        seen[name] = visit(page, path)
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page.get_by_label("ชื่อผู้ใช้")).to_be_visible()  # signed out before the next load
    sign_in(page, district)
    supervisor = {
        "dashboard": "/supervise",
        "households-list": "/supervise/households?stage=compass",
        "escalations": "/supervise/escalations",
        "plans": "/supervise/plans",
        "plan": f"/supervise/plans/{district.waiting_plan}",
        "reports": "/supervise/reports",
    }
    for name, path in supervisor.items():
        seen[name] = visit(page, path)
    assert {name: found for name, found in seen.items() if found} == {}


def visit(page: Page, path: str) -> list[str]:
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("กำลังโหลด…")).to_have_count(0)
    return axe_violations(page)
