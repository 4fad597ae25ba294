"""Pattani (94), the provincial Sammachip programme of seed 000: 123 target villages, each with a
village trainer team of five sages (one trained lead), 20 households per village trained in a
cohort (classes, practice, a study visit), and occupation groups, some registered."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from demo.accounts import People
from demo.chachoengsao import count_households, target, upload
from demo.generate import PATTANI, Village, bmn_csv
from demo.http import Api, wait_for
from demo.thai import name_of, person

SAGES = 5
COMPLETED = 103  # cohorts that finished their training; the rest are still training
GROUPS, REGISTERED = 16, 8  # occupation groups formed, and registered
# a class, then practice in one village and a study visit in the next: (kind, days ago, minutes)
SESSIONS = (("class", 300, 360), ("practice", 250, 480), ("study_visit", 200, 420))


def sage(village: str, n: int) -> str:
    return f"pti.sage.{village}.{n}"


def register_people(people: People, villages: list[Village], seed: int = 0) -> None:
    """The provincial supervisor and five sages per village (only the demo's trainer signs in)."""
    rng = random.Random(seed * 1000 + 1)
    people.ensure("pti.province", person(rng).full_name, "provincial_supervisor", [PATTANI])
    names = [
        (sage(v.code, n), person(rng).full_name, v.code) for v in villages for n in range(SAGES)
    ]

    def one(entry: tuple[str, str, str]) -> str:
        username, name, village = entry
        signs_in = username == sage(villages[0].code, 0)
        return people.ensure(username, name, "trainer", [village], signs_in=signs_in)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, names))


def import_households(admin: Api, villages: list[Village]) -> int:
    """The province's BMN file for the target villages, then the poor targeted."""
    rows = [h for v in villages for h in v.households]
    imported = 0
    if count_households(admin, PATTANI) < len(rows):
        upload(admin, bmn_csv(rows), "bmn-pattani-sammachip.csv")
        imported = len(rows)
    target(admin, PATTANI)
    return imported


def form_trainer_teams(people: People, supervisor: Api, villages: list[Village]) -> dict:
    """Village code -> trainer team id."""
    teams = {t["village_code"]: t["id"] for t in supervisor.items("/trainer-teams", area=PATTANI)}
    for index, village in enumerate(villages):
        if village.code in teams:
            continue
        trained = date(2025, 11, 3) + timedelta(days=7 * (index % 6))  # the 4-day course
        members = [
            {"person_id": people.ids[sage(village.code, n)], "lead": n == 0,
             "lead_trained_on": trained.isoformat() if n == 0 else None}
            for n in range(SAGES)
        ]  # fmt: skip
        body = {"village_code": village.code, "name": f"วิทยากรสัมมาชีพ {name_of(village.code)}",
                "members": members}  # fmt: skip
        teams[village.code] = supervisor.post("/trainer-teams", body)["id"]
    return teams


def household_ids(admin: Api) -> dict[str, list[str]]:
    """Village code -> its households' ids, by house number."""
    found: dict[str, list[tuple[int, str]]] = {}
    for item in admin.items("/households", area=PATTANI):
        found.setdefault(item["village_code"], []).append((int(item["house_no"]), item["id"]))
    return {code: [hid for _, hid in sorted(rows)] for code, rows in found.items()}


def train(supervisor: Api, villages: list[Village], teams: dict, homes: dict) -> int:
    """A cohort per village: its sessions over the year, who came, and the completion."""
    cohorts = {c["trainer_team_id"]: c for c in supervisor.items("/cohorts", area=PATTANI)}

    def village_training(index: int) -> int:
        village, team = villages[index], teams[villages[index].code]
        cohort = cohorts.get(team) or _open(supervisor, village, team, homes[village.code])
        return _sessions(supervisor, cohort["id"], index, complete=index < COMPLETED)

    with ThreadPoolExecutor(8) as pool:
        return sum(pool.map(village_training, range(len(villages))))


def _open(supervisor: Api, village: Village, team: str, households: list[str]) -> dict:
    wait_for(
        lambda: len(list(supervisor.items("/assignments", area=village.code))) >= len(households),
        f"teams to learn the households of {village.code}",
    )
    body = {"trainer_team_id": team, "occupation": village.occupation, "households": households}
    return supervisor.post("/cohorts", body)


def _sessions(supervisor: Api, cohort_id: str, index: int, *, complete: bool) -> int:
    path, steps = f"/cohorts/{cohort_id}", 0
    cohort = supervisor.get(path)
    if cohort["status"] == "completed":
        return 0
    held = {(s["kind"], s["held_on"]): s for s in cohort["sessions"]}
    for number, (kind, days_ago, minutes) in enumerate(sessions_of(index)):
        on = (date.today() - timedelta(days=days_ago - index)).isoformat()
        session = held.get((kind, on))
        if session is None:
            body = {"held_on": on, "duration_minutes": minutes, "kind": kind,
                    "topic": f"{cohort['occupation']} ครั้งที่ {number + 1}"}  # fmt: skip
            session, steps = supervisor.post(f"{path}/sessions", body), steps + 1
        if not session.get("present"):
            _attendance(supervisor, path, session["id"], cohort["households"], number + index)
            steps += 1
    if complete:
        _, etag = supervisor.current(path)
        supervisor.post(f"{path}/completion", {}, etag=etag, status=200)
        steps += 1
    return steps


def sessions_of(index: int) -> tuple[tuple[str, int, int], ...]:
    return SESSIONS[0], SESSIONS[1 + index % 2]


def _attendance(supervisor: Api, path: str, session: str, households: list[str], n: int) -> None:
    """Everyone came but one household (a different one each time)."""
    marks = [
        {"household_id": h, "present": i != n % len(households)} for i, h in enumerate(households)
    ]
    supervisor.call("PUT", f"{path}/sessions/{session}/attendance", {"attendance": marks})


def form_groups(supervisor: Api, villages: list[Village], homes: dict[str, list[str]]) -> int:
    """Occupation groups of trained households in the first villages, half of them registered."""
    groups = {g["name"]: g for g in supervisor.items("/occupation-groups", area=PATTANI)}
    formed = 0
    for index, village in enumerate(villages[:GROUPS]):
        name = f"กลุ่ม{village.occupation}บ้าน{name_of(village.code)}"
        group = groups.get(name)
        if group is None:
            body = {"name": name, "occupation": village.occupation, "village_code": village.code,
                    "members": homes[village.code][:12]}  # fmt: skip
            group, formed = supervisor.post("/occupation-groups", body), formed + 1
        if index < REGISTERED and not group["registered"]:
            _register(supervisor, group, index)
    return formed


def _register(supervisor: Api, group: dict[str, Any], index: int) -> None:
    body = {
        "registration_number": f"วช.94-{2569}-{index + 1:03d}",
        "registered_on": (date.today() - timedelta(days=60 - index)).isoformat(),
    }
    path = f"/occupation-groups/{group['id']}/registration"
    supervisor.post(path, body, etag=f'"{group["version"]}"', status=200)
