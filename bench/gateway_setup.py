"""One realistic case for the gateway benchmark: a Smile Team, and a household in care with an
approved plan and visits, prepared through the API as field workers would."""

from __future__ import annotations

import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from stdnum.th import pin

TAMBON, VILLAGE, PASSWORD = "240101", "24010101", "benchmark passphrase 2"


def prepare_case(url: str, admin_password: str) -> dict[str, str]:
    _wait_healthy(url)
    admin = _login(url, "admin", admin_password)
    tag = uuid.uuid4().hex[:6]
    people = {
        "coordinator": _person(url, admin, f"c.{tag}", "subdistrict_coordinator", TAMBON),
        "expert": _person(url, admin, f"e.{tag}", "district_expert", "2401"),
        "leader": _person(url, admin, f"l.{tag}", "volunteer_leader", VILLAGE),
        "supervisor": _person(url, admin, f"s.{tag}", "district_supervisor", "2401"),
    }
    tokens = {role: _login(url, p["username"], PASSWORD) for role, p in people.items()}
    members = [
        {"role": r, "person_id": people[k]["id"]}
        for r, k in (
            ("volunteer_leader", "leader"),
            ("subdistrict_coordinator", "coordinator"),
            ("district_expert", "expert"),
        )
    ]
    team = _call(
        url,
        tokens["supervisor"],
        "POST",
        "/api/v1/teams",
        {"name": "Bench", "coverage": [TAMBON], "members": members},
    )["id"]
    household = _household_in_care(url, tokens, team)
    leader = _login(url, people["leader"]["username"], PASSWORD)  # a token carrying the team
    return {"household": household, "token": leader, "visited_at": datetime.now(UTC).isoformat()}


def _household_in_care(url: str, tokens: dict[str, str], team: str) -> str:
    coordinator = tokens["coordinator"]
    base = f"1{random.randrange(10**10, 10**11):011d}"
    body = {
        "village_code": VILLAGE,
        "size": 4,
        "annual_income_thb": "30000.00",
        "bmn": {"survey_year": 2026, "failed_indicators": ["7"]},
        "members": [
            {
                "first_name": "Somchai",
                "last_name": "Dee",
                "is_head": True,
                "national_id": base + pin.calc_check_digit(base),
            }
        ],
    }
    hid = _call(url, coordinator, "POST", "/api/v1/households", body)["id"]
    _call(url, coordinator, "POST", "/api/v1/targeting", {"area_code": TAMBON, "survey_year": 2026})
    _until(lambda: _status(url, coordinator, f"/api/v1/assignments/{hid}") == 200)
    _call(url, coordinator, "POST", "/api/v1/assignments", {"household_id": hid, "team_id": team})
    _until(lambda: _call(url, coordinator, "GET", f"/api/v1/households/{hid}")["team_id"] == team)
    case = f"/api/v1/households/{hid}"
    version = _call(url, coordinator, "GET", case)["version"]
    _call(
        url, coordinator, "POST", f"{case}/consent", {"informed": True, "consented": True}, version
    )
    plan = _call(
        url,
        coordinator,
        "PUT",
        f"{case}/plan",
        {
            "problems": ["debt"],
            "needs": ["income"],
            "requested_support": [],
            "livelihood": "rice",
            "goals": [
                {"capital": "economic", "description": "income", "baseline": "1", "target": "2"}
            ],
        },
    )
    plan = _call(url, coordinator, "POST", f"{case}/plan/submission", {}, plan["version"])
    _call(url, tokens["expert"], "POST", f"{case}/plan/approval", {}, plan["version"])
    version = _call(url, coordinator, "GET", case)["version"]
    _call(
        url, coordinator, "POST", f"{case}/stage", {"to_stage": "care", "reason": "bench"}, version
    )
    for days_ago in (60, 30, 5):
        when = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
        _call(
            url,
            coordinator,
            "POST",
            f"{case}/visits",
            {"visited_at": when, "notes": "visit", "wellbeing": 3, "annual_income_thb": "30000.00"},
        )
    return hid


def _person(url: str, admin: str, username: str, role: str, area: str) -> dict[str, Any]:
    return _call(
        url,
        admin,
        "POST",
        "/api/v1/people",
        {
            "username": username,
            "display_name": username,
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
        },
    )


def _login(url: str, username: str, password: str) -> str:
    answer = requests.post(
        f"{url}/api/v1/auth/token", timeout=10, json={"username": username, "password": password}
    )
    answer.raise_for_status()
    return answer.json()["access_token"]


def _call(
    url: str, token: str, method: str, path: str, body: Any = None, version: int | None = None
) -> Any:
    headers = {"Authorization": f"Bearer {token}"}
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    answer = requests.request(method, f"{url}{path}", json=body, headers=headers, timeout=10)
    if answer.status_code >= 400:
        raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text}")
    return answer.json()


def _status(url: str, token: str, path: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(f"{url}{path}", headers=headers, timeout=10).status_code


def _until(check: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError("the system did not catch up in time")
        time.sleep(0.1)


def _wait_healthy(url: str) -> None:
    def healthy() -> bool:
        try:
            return requests.get(f"{url}/health", timeout=5).status_code == 200
        except requests.RequestException:  # not listening yet, or still starting
            return False

    _until(healthy, timeout=60)
