"""The web app in a real browser (Debian's chromium, driven by Playwright) against the running
system: a volunteer leader signs in, sees their households, logs visits and edits the plan, online
and offline; two people edit one plan and the second merges; an intervention is requested."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from browsing import DESK, PHONE, opened
from playwright.sync_api import Browser, Page, expect

from infra.config import PROJECT_ROOT
from tests.e2e.access_world import World, assigned, household, smile_team
from tests.e2e.test_teams import PASSWORD, Client
from tests.support.waiting import wait_for

AREA = {"province": "24", "district": "2401", "tambon": "240101", "village": "24010101"}
# The service worker has cached the app and controls the page (no string eval: the CSP forbids it).
CONTROLLED = "() => navigator.serviceWorker.controller !== null"


@dataclass
class Field:
    username: str
    leader: Client
    to_ask: str  # a targeted household whose consent is still to be asked
    open_case: str  # a household that agreed to take part
    planned: str  # a household that agreed, with a plan drafted by the coordinator
    to_plan: str  # a household that agreed, with no plan yet
    coordinator_username: str
    coordinator: Client
    expert: Client


FIRST_PLAN = {
    "problems": ["debt"],
    "needs": ["steady work"],
    "goals": [
        {"capital": "human", "description": "skills", "baseline": "none", "target": "one course"},
        {"capital": "economic", "description": "income", "baseline": "2000", "target": "3000"},
    ],
    "livelihood": "rice",
}


@pytest.fixture(scope="module")
def field(system) -> Field:
    assert (PROJECT_ROOT / "web" / "dist" / "index.html").is_file(), "build it: make web"
    world = World(system, Client(system.url, system.admin_token))
    team, people = smile_team(world, AREA, "web")
    coordinator, leader = people["coordinator"], people["leader"]
    households = [household(coordinator, AREA["village"]) for _ in range(4)]
    to_ask, open_case, planned, to_plan = households
    for household_id in households:
        assigned(world, coordinator, household_id, team)
    target(coordinator)
    for household_id in (open_case, planned, to_plan):
        consented(leader, household_id)
    answer = coordinator.call("PUT", f"/api/v1/households/{planned}/plan", FIRST_PLAN)
    assert answer.status_code == 200, answer.text
    usernames = {role: person["username"] for role, person in people["people"].items()}
    return Field(
        usernames["leader"],
        leader,
        to_ask,
        open_case,
        planned,
        to_plan,
        usernames["coordinator"],
        coordinator,
        people["expert"],
    )


def consented(leader: Client, household_id: str) -> None:
    current = wait_for(
        lambda: (r := leader.call("GET", f"/api/v1/households/{household_id}")).status_code == 200
        and r.json()["stage"] == "target"
        and r,
        what="the targeted household to reach the leader",
    )
    consent = {"informed": True, "consented": True}
    answer = leader.call(
        "POST", f"/api/v1/households/{household_id}/consent", consent, etag=current.headers["ETag"]
    )
    assert answer.status_code == 200, answer.text


def target(coordinator: Client) -> None:
    """Target the tambon; a 412 (an assignment's event changed a household meanwhile) is retried,
    as a client would."""
    body = {"area_code": AREA["tambon"], "survey_year": 2026}
    answer = wait_for(
        lambda: (r := coordinator.call("POST", "/api/v1/targeting", body)).status_code != 412 and r,
        what="targeting without a concurrent change",
    )
    assert answer.status_code == 200, answer.text


@pytest.fixture
def page(browser: Browser, system) -> Iterator[Page]:
    yield from opened(browser, system, PHONE)


@pytest.fixture
def second_page(browser: Browser, system) -> Iterator[Page]:
    """Another browser (its own cookies and IndexedDB): a second person on another phone."""
    yield from opened(browser, system, PHONE)


def sign_in(page: Page, field: Field, username: str | None = None) -> None:
    page.goto("/")
    page.get_by_label("ชื่อผู้ใช้").fill(username or field.username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("heading", name="ครัวเรือนของฉัน")).to_be_visible()


def log_visit(page: Page, notes: str) -> None:
    page.locator("#visit-notes").fill(notes)
    page.locator("#visit-wellbeing").select_option("4")
    page.get_by_role("button", name="บันทึกการเยี่ยม").click()
    expect(page.locator("form[aria-labelledby=visit-title] [role=status]")).to_be_visible()


def visits_with(field: Field, notes: str, household_id: str) -> int:
    answer = field.leader.call("GET", f"/api/v1/households/{household_id}/visits")
    assert answer.status_code == 200, answer.text
    return sum(1 for visit in answer.json()["items"] if visit["notes"] == notes)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots for review (the test output, never committed)."""
    return tmp_path_factory.mktemp("screenshots")


def test_a_leader_signs_in_records_consent_and_logs_a_visit(page: Page, field: Field, shots: Path):
    page.goto("/")
    page.screenshot(path=shots / "sign-in-360.png", full_page=True)
    sign_in(page, field)
    page.screenshot(path=shots / "households-360.png", full_page=True)
    assert "smile_session" not in page.evaluate("document.cookie")  # HttpOnly
    expect(page.get_by_text("รอความยินยอม")).to_have_count(1)  # what is due: consent to ask
    card = page.locator(f'a[href="/households/{field.to_ask}"]')
    expect(card).to_contain_text("Somchai Dee")  # the head's name tells the cards apart
    card.click()
    expect(page.get_by_role("heading", name="สมาชิก")).to_be_visible()
    page.screenshot(path=shots / "case-360.png", full_page=True)
    page.get_by_label("ได้แจ้งรายละเอียดโครงการให้ครัวเรือนทราบแล้ว").check()
    page.get_by_label("ยินยอมเข้าร่วม").check()
    page.get_by_role("button", name="บันทึกความยินยอม").click()
    notes = f"online visit {uuid.uuid4().hex[:8]}"
    log_visit(page, notes)
    expect(page.get_by_text("รอส่ง 0 รายการ")).to_be_visible()
    wait_for(lambda: visits_with(field, notes, field.to_ask) == 1, what="the visit on the server")
    case = field.leader.call("GET", f"/api/v1/households/{field.to_ask}").json()
    assert case["stage"] == "compass" and case["consent"]["consented"] is True
    timeline = page.locator("section[aria-labelledby=timeline-title]")
    expect(timeline.get_by_text("ชี้เป้าชีวิต → จัดทำเข็มทิศชีวิต")).to_be_visible()
    expect(timeline.get_by_text("โดย คุณ").first).to_be_visible()
    page.set_viewport_size(DESK)  # the same screens on a desk, for review
    page.screenshot(path=shots / "case-1280.png", full_page=True)
    page.goto("/")
    expect(page.locator(f'a[href="/households/{field.to_ask}"]')).to_be_visible()
    page.screenshot(path=shots / "households-1280.png", full_page=True)


def edit_plan(page: Page, goals: dict[str, str], livelihood: str) -> None:
    """Open the plan editor, set each capital's first goal's target (adding the goal when there is
    none) and the livelihood, and save the draft."""
    page.get_by_role("button", name="แก้ไขแผน").click()
    # the form first: counting its goals before it renders would add a goal that is there
    expect(page.get_by_role("form", name="แก้ไขแผน")).to_be_visible()
    for capital, target in goals.items():
        goal = f"#goal-{capital}-0"
        if page.locator(f"{goal}-target").count() == 0:
            page.locator(f"fieldset[data-capital={capital}] button", has_text="เพิ่มเป้าหมาย").click()
            page.locator(f"{goal}-description").fill(f"{capital} goal")
            page.locator(f"{goal}-baseline").fill("now")
        page.locator(f"{goal}-target").fill(target)
    page.locator("#plan-livelihood").fill(livelihood)
    page.get_by_role("button", name="บันทึกร่างแผน").click()
    expect(page.get_by_text("บันทึกแผนแล้ว รอส่ง")).to_be_visible()


def plans_of(field: Field, household_id: str) -> list[dict]:
    answer = field.leader.call("GET", f"/api/v1/households/{household_id}/plans")
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def goal_targets(plan: dict) -> dict[str, str]:
    return {goal["capital"]: goal["target"] for goal in plan["goals"]}


def test_visits_and_a_plan_edit_made_offline_survive_a_reload_and_are_sent_once(
    page: Page, field: Field
):
    sign_in(page, field)
    wait_for(lambda: page.evaluate(CONTROLLED), timeout=30, what="the service worker in control")
    page.locator(f'a[href="/households/{field.open_case}"]').click()
    expect(page.get_by_role("heading", name="สมาชิก")).to_be_visible()
    page.context.set_offline(True)
    notes = [f"offline visit {n} {uuid.uuid4().hex[:8]}" for n in (1, 2)]
    for text in notes:
        log_visit(page, text)
    livelihood = f"mushrooms {uuid.uuid4().hex[:6]}"
    edit_plan(page, {"human": "two courses"}, livelihood)
    expect(page.get_by_text("รอส่ง 3 รายการ")).to_be_visible()
    page.reload()  # offline: the service worker serves the app, IndexedDB still holds the queue
    expect(page.get_by_text("รอส่ง 3 รายการ")).to_be_visible()
    expect(page.locator('li[data-state="waiting"]')).to_have_count(3)
    expect(page.get_by_test_id("plan-livelihood")).to_have_text(livelihood)  # shown from the queue
    assert all(visits_with(field, text, field.open_case) == 0 for text in notes)
    assert plans_of(field, field.open_case) == []
    page.context.set_offline(False)
    expect(page.get_by_text("รอส่ง 0 รายการ")).to_be_visible(timeout=20_000)
    wait_for(
        lambda: all(visits_with(field, text, field.open_case) == 1 for text in notes),
        what="both visits",
    )
    page.reload()  # back online, a new load sends nothing again
    expect(page.get_by_text("รอส่ง 0 รายการ")).to_be_visible()
    assert [visits_with(field, text, field.open_case) for text in notes] == [1, 1]
    [plan] = plans_of(field, field.open_case)  # one draft, written once (a second PUT: version 2)
    assert (plan["number"], plan["version"], plan["status"]) == (1, 1, "draft")
    assert plan["livelihood"] == livelihood and goal_targets(plan) == {"human": "two courses"}


def test_two_people_edit_one_plan_and_the_second_merges(
    page: Page, second_page: Page, field: Field, shots: Path
):
    leader, coordinator = page, second_page
    sign_in(leader, field)
    sign_in(coordinator, field, field.coordinator_username)
    for each in (leader, coordinator):  # both open the plan as it is now (version 1)
        each.goto(f"/households/{field.planned}")
        expect(each.get_by_role("button", name="แก้ไขแผน")).to_be_visible()
    edit_plan(leader, {"human": "two courses"}, "leader's livelihood")
    wait_for(  # the badge reads 0 before the edit is queued as after it is sent: ask the server
        lambda: plans_of(field, field.planned)[0]["livelihood"] == "leader's livelihood",
        what="the leader's edit on the server",
    )
    expect(leader.get_by_text("รอส่ง 0 รายการ")).to_be_visible(timeout=20_000)
    # The coordinator, still on version 1, changes another capital's goal and the livelihood too.
    edit_plan(coordinator, {"economic": "5000"}, "coordinator's livelihood")
    chooser = coordinator.locator("form.merge")
    expect(chooser).to_be_visible(timeout=20_000)
    coordinator.screenshot(path=shots / "plan-merge-360.png", full_page=True)
    expect(chooser.locator("legend")).to_have_text(["อาชีพที่เลือก (สัมมาชีพ)"])  # the only clash
    [plan] = plans_of(field, field.planned)
    assert plan["livelihood"] == "leader's livelihood"  # nothing of the second edit yet
    chooser.get_by_role("radio", name=re.compile("^ของฉัน")).check()
    chooser.get_by_role("button", name="ส่งตามที่เลือก").click()
    expect(coordinator.get_by_text("รอส่ง 0 รายการ")).to_be_visible(timeout=20_000)
    [plan] = plans_of(field, field.planned)
    assert plan["livelihood"] == "coordinator's livelihood"
    # Each side's goal, changed by one side only, merged by itself.
    assert goal_targets(plan) == {"human": "two courses", "economic": "5000"}
    assert plan["problems"] == FIRST_PLAN["problems"] and plan["needs"] == FIRST_PLAN["needs"]


def test_a_plan_is_submitted_and_once_approved_an_intervention_is_requested(
    page: Page, field: Field, shots: Path
):
    household_id = field.to_plan
    sign_in(page, field)
    page.goto(f"/households/{household_id}")
    edit_plan(page, {"social": "joins the savings group"}, "weaving")
    page.get_by_role("button", name="แก้ไขแผน").click()
    page.get_by_role("button", name="เพิ่มความช่วยเหลือที่ขอ").click()
    expect(page.locator("#support-0-kind")).to_be_focused()  # the keyboard goes to the new row
    page.locator("#support-0-kind").select_option("funding_access")
    page.locator("#support-0-description").fill("a loan for a loom")
    page.locator("#support-0-amount").fill("5000")
    page.screenshot(path=shots / "plan-editor-360.png", full_page=True)
    page.get_by_role("button", name="บันทึกร่างแผน").click()
    page.get_by_role("button", name="ส่งแผนเพื่ออนุมัติ").click()
    expect(page.get_by_test_id("plan-status")).to_have_text("รออนุมัติ")
    [plan] = wait_for(
        lambda: (plans := plans_of(field, household_id))[0]["status"] == "submitted" and plans,
        what="the plan submitted",
    )
    # The second edit started from the first as the server had it: nothing of it was lost.
    assert plan["livelihood"] == "weaving"
    assert goal_targets(plan) == {"social": "joins the savings group"}
    [support] = plan["requested_support"]
    assert (support["kind"], support["description"]) == ("funding_access", "a loan for a loom")
    assert Decimal(support["amount_thb"]) == Decimal("5000")
    approved = field.expert.call(
        "POST",
        f"/api/v1/households/{household_id}/plan/approval",
        {},
        etag=f'"{plan["version"]}"',
    )
    assert approved.status_code == 200, approved.text
    wait_for(
        lambda: field.leader.call("GET", f"/api/v1/households/{household_id}").json()["stage"]
        == "manage",
        what="the case in stage manage",
    )
    page.reload()
    timeline = page.locator("section[aria-labelledby=timeline-title]")
    expect(timeline.get_by_text("อนุมัติแผนฉบับที่ 1")).to_be_visible()
    expect(timeline.get_by_text("โดย ผู้เชี่ยวชาญ (ชช.) ของทีม").first).to_be_visible()
    description = f"weaving course {uuid.uuid4().hex[:6]}"
    page.locator("#intervention-kind").select_option("livelihood_training")
    page.locator("#intervention-description").fill(description)
    page.get_by_role("button", name="ขอการช่วยเหลือ").click()

    def requested() -> int:
        answer = field.leader.call("GET", f"/api/v1/households/{household_id}/interventions")
        return [i["description"] for i in answer.json()["items"]].count(description)

    # The badge reads 0 before the request is queued as after it is sent: ask the server.
    wait_for(lambda: requested() == 1, what="the intervention on the server")
    expect(page.get_by_text("รอส่ง 0 รายการ")).to_be_visible(timeout=20_000)
    assert requested() == 1
    expect(page.get_by_text(description)).to_be_visible()
    page.screenshot(path=shots / "case-manage-360.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=shots / "case-manage-1280.png", full_page=True)
