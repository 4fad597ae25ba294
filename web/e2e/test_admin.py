"""The administrator's screens and the supervisor's teams side by side in a real browser against the
running system (issue 15): an administrator registers a person with a role and an area (a wrong
area is shown next to its field), deactivates them and forms a Smile Team, each checked through the
API; a district supervisor sees the teams side by side with the API's numbers and opens a team's
cases; axe-core finds nothing serious on the new screens at 360 and 1280 px."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from browsing import DESK, PHONE, axe_violations, opened
from playwright.sync_api import Browser, Page, expect
from test_supervisor import EMPTY, visit

from infra.config import PROJECT_ROOT
from tests.e2e.access_world import World, assigned, household, ok, smile_team
from tests.e2e.conftest import ADMIN_PASSWORD
from tests.e2e.test_teams import PASSWORD, Client

AREA = {"province": "24", "district": "2405", "tambon": "240501", "village": "24050101"}
SIDE_BY_SIDE = ["households", "open_cases", "overdue_visits", "leader_open_cases",
                "coordinator_open_cases", "expert_open_cases", "graduation_rate"]  # fmt: skip


@dataclass
class District:
    admin: Client
    supervisor: Client
    supervisor_name: str
    team: str
    people: dict  # the team's people as the API registered them, by seat
    tag: str


@pytest.fixture(scope="module")
def district(system) -> District:
    assert (PROJECT_ROOT / "web" / "dist" / "index.html").is_file(), "build it: make web"
    admin = Client(system.url, system.admin_token)
    world = World(system, admin)
    team, clients = smile_team(world, AREA, "ad")
    for _ in range(2):
        assigned(
            world, clients["coordinator"], household(clients["coordinator"], AREA["village"]), team
        )
    people = clients["people"]
    return District(
        admin, clients["supervisor"], people["supervisor"]["username"], team, people, world.tag
    )


@pytest.fixture
def page(browser: Browser, system) -> Iterator[Page]:
    yield from opened(browser, system, PHONE)


@pytest.fixture
def desk(browser: Browser, system) -> Iterator[Page]:
    yield from opened(browser, system, DESK)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots for review (the test output, never committed)."""
    return tmp_path_factory.mktemp("admin-screenshots")


def sign_in(page: Page, username: str, password: str, heading: str) -> None:
    page.goto("/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def test_an_administrator_registers_and_deactivates_a_person_and_forms_a_team(
    page: Page, district: District
):
    sign_in(page, "admin", ADMIN_PASSWORD, "บุคลากร")
    username = f"newleader.{district.tag}"
    page.get_by_role("link", name="ลงทะเบียนบุคลากร").click()
    page.locator("#person-username").fill(username)
    page.locator("#person-display_name").fill("ผู้นำใหม่")
    page.get_by_label("ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.)").check()
    page.locator("#person-areas").fill("24059999")  # no such tambon: refused, next to the field
    page.get_by_role("button", name="บันทึก").click()
    expect(page.locator('[data-field="areas"] .problem')).not_to_be_empty()
    expect(page.locator('[data-field="username"] .problem')).to_have_count(0)
    page.locator("#person-areas").fill(AREA["village"])
    page.get_by_role("button", name="บันทึก").click()
    expect(page.locator("main").get_by_role("status")).to_contain_text("ลงทะเบียนแล้ว: ผู้นำใหม่")
    found = registered(district, username)
    assert (found["roles"], found["areas"], found["active"]) == (
        ["volunteer_leader"],
        [AREA["village"]],
        True,
    )

    page.get_by_role("link", name="เปิด", exact=True).click()
    page.locator("#reset-password").fill("short")  # the rule's refusal, under the field
    page.get_by_role("button", name="ตั้งรหัสผ่านใหม่").click()
    expect(page.locator('[data-field="password"] .problem')).not_to_be_empty()
    new_password = "a new password for the leader"
    page.locator("#reset-password").fill(new_password)
    page.get_by_role("button", name="ตั้งรหัสผ่านใหม่").click()
    expect(page.get_by_text("ตั้งรหัสผ่านใหม่แล้ว")).to_be_visible()
    login = {"username": username, "password": new_password}
    signed_in = requests.post(f"{district.admin.url}/api/v1/auth/token", json=login, timeout=10)
    assert signed_in.status_code == 200, signed_in.text
    page.get_by_role("button", name="ปิดใช้งานบุคคลนี้").click()
    expect(page.locator("main").get_by_role("status")).to_have_text("ปิดใช้งานแล้ว")
    assert registered(district, username)["active"] is False
    page.goto("/admin")  # the people list finds them by part of the username, any case
    page.locator("#people-name").fill(username.upper())
    page.get_by_role("button", name="กรอง").click()
    expect(page).to_have_url(re.compile(r"name="))
    expect(page.locator("li[data-person]")).to_have_count(1)
    expect(page.locator("li[data-person]")).to_contain_text("ปิดใช้งานแล้ว")

    name = f"ทีมยิ้มบ้านโพธิ์ {district.tag}"
    page.get_by_role("link", name="ตั้งทีมยิ้ม").click()
    page.get_by_label("ชื่อทีม").fill(name)
    page.locator("#team-coverage").fill(AREA["tambon"])
    page.get_by_role("button", name="หาผู้ที่เลือกได้").click()
    for seat, role in (("leader", "volunteer_leader"), ("coordinator", "subdistrict_coordinator"),
                       ("expert", "district_expert")):  # fmt: skip
        page.locator(f"#seat-{role}").select_option(district.people[seat]["id"])
    page.get_by_role("button", name="ตั้งทีมยิ้ม").click()
    expect(page.get_by_role("heading", name=f"ทีม {name}")).to_be_visible()
    expect(page.locator("li[data-member]")).to_have_count(3)
    teams = ok(district.admin.call("GET", "/api/v1/teams", area=AREA["tambon"])).json()["items"]
    formed = next(team for team in teams if team["name"] == name)
    assert formed["status"] == "complete" and formed["coverage"] == [AREA["tambon"]]
    seats = {seat["role"]: seat["person_id"] for seat in formed["members"]}
    assert seats["district_expert"] == district.people["expert"]["id"]

    renamed = f"ทีมยิ้มโพธิ์-เกาะไร่ {district.tag}"  # renamed, and a second tambon covered
    page.locator("#change-name").fill(renamed)
    page.locator("#change-coverage").fill(f"{AREA['tambon']}, 240502")
    page.get_by_role("button", name="บันทึกการแก้ไขทีม").click()
    expect(page.get_by_role("heading", name=f"ทีม {renamed}")).to_be_visible()
    changed = ok(district.admin.call("GET", f"/api/v1/teams/{formed['id']}")).json()
    assert (changed["name"], changed["coverage"]) == (renamed, [AREA["tambon"], "240502"])


def as_number(value) -> float | None:
    """A figure as the page shows it or the API sends it (JSON 0.0 is "0" on the page)."""
    return None if value in (None, EMPTY) else float(value)


def registered(district: District, username: str) -> dict:
    listed = district.admin.call("GET", "/api/v1/people", area=AREA["district"], limit=200)
    return next(p for p in ok(listed).json()["items"] if p["username"] == username)


def test_a_supervisor_sees_the_teams_side_by_side_with_the_apis_numbers(
    desk: Page, district: District
):
    page = desk
    sign_in(page, district.supervisor_name, PASSWORD, "ภาพรวมพื้นที่")
    page.get_by_role("link", name="เปรียบเทียบทีม").click()
    row = page.locator(f'table.teams tr[data-row="{district.team}"]')
    expect(row).to_be_visible()
    shown = {
        cell.get_attribute("data-column"): cell.inner_text() for cell in row.locator("td").all()
    }
    answer = district.supervisor.call("GET", "/api/v1/reports/teams", area=AREA["district"])
    api_row = next(r for r in ok(answer).json()["rows"] if r["key"] == district.team)
    assert {k: as_number(v) for k, v in shown.items()} == {
        key: as_number(api_row.get(key)) for key in SIDE_BY_SIDE
    }
    assert api_row["households"] == 2 and api_row["open_cases"] == 2

    row.get_by_role("link").first.click()
    expect(page).to_have_url(
        f"{district.supervisor.url}/supervise/households?team_id={district.team}"
    )
    listed = district.supervisor.call(
        "GET", "/api/v1/households", area=AREA["district"], team_id=district.team
    )
    expect(page.locator("main li.card")).to_have_count(len(ok(listed).json()["items"]))
    page.locator("summary", has_text="ตัวกรอง").click()
    page.get_by_label("ขั้นตอน").select_option("registered")
    page.get_by_role("button", name="แสดงรายการ").click()
    expect(page).to_have_url(
        f"{district.supervisor.url}/supervise/households?stage=registered&team_id={district.team}"
    )
    expect(page.locator("main li.card")).to_have_count(2)


@pytest.fixture(params=[PHONE, DESK], ids=["360px", "1280px"])
def axe_page(request, browser: Browser, system) -> Iterator[tuple[Page, str]]:
    """The CSP forbids injected scripts; the test browser lets axe's in."""
    for page in opened(browser, system, request.param, bypass_csp=True):
        yield page, str(request.param["width"])


def test_the_new_screens_have_no_serious_accessibility_violation(
    axe_page: tuple[Page, str], district: District, shots: Path
):
    page, width = axe_page
    seen: dict[str, list[str]] = {}
    sign_in(page, "admin", ADMIN_PASSWORD, "บุคลากร")
    screens = {
        "people": "/admin",
        "register": "/admin/people/new",
        "person": f"/admin/people/{district.people['leader']['id']}",
        "teams": "/admin/teams",
        "team-form": "/admin/teams/new",
        "team": f"/admin/teams/{district.team}",
    }
    for name, path in screens.items():
        seen[name] = visit(page, path)
        page.screenshot(path=shots / f"admin-{name}-{width}.png", full_page=True)
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page.get_by_label("ชื่อผู้ใช้")).to_be_visible()
    sign_in(page, district.supervisor_name, PASSWORD, "ภาพรวมพื้นที่")
    supervisor = {
        "teams-side-by-side": "/supervise/teams",
        "case-list": f"/supervise/households?team_id={district.team}",
    }
    for name, path in supervisor.items():
        seen[name] = visit(page, path)
        if name == "case-list":
            page.locator("summary", has_text="ตัวกรอง").click()
            seen["case-list-filters"] = axe_violations(page)
        page.screenshot(path=shots / f"{name}-{width}.png", full_page=True)
    assert {name: found for name, found in seen.items() if found} == {}
