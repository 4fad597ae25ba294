"""Chachoengsao (24), the Smile Teams of seed 003: supervisors, experts, 31 complete teams, the
districts' BMN files imported by their experts, the poor targeted and assigned to the teams."""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from demo.accounts import People
from demo.generate import CHACHOENGSAO, SURVEY_YEAR, Household, Team, bmn_csv
from demo.http import Api, ApiError, expect, wait_for
from demo.thai import name_of, person


@dataclass
class Province:
    """Who acts where, once registered and signed in."""

    teams: list[Team]
    team_ids: dict[int, str] = field(default_factory=dict)
    experts: dict[str, Api] = field(default_factory=dict)  # by district
    supervisors: dict[str, Api] = field(default_factory=dict)  # by district
    coordinators: dict[str, Api] = field(default_factory=dict)  # by tambon
    household_ids: dict[str, str] = field(default_factory=dict)  # village/house no -> id


def username(kind: str, area: str) -> str:
    return f"cco.{kind}.{area}"


def register_people(people: People, teams: list[Team], seed: int = 3) -> None:
    rng = random.Random(seed * 1000 + 1)
    people.ensure("cco.province", person(rng).full_name, "provincial_supervisor", [CHACHOENGSAO])
    for district in sorted({t.district for t in teams}):
        for kind, role in (("sup", "district_supervisor"), ("exp", "district_expert")):
            people.ensure(username(kind, district), person(rng).full_name, role, [district])
    for team in teams:
        people.ensure(
            username("coord", team.tambon), person(rng).full_name, "subdistrict_coordinator",
            [team.tambon],
        )  # fmt: skip
        people.ensure(
            username("lead", team.villages[0]), person(rng).full_name, "volunteer_leader",
            [team.villages[0]], phone=f"08{rng.randint(10**7, 10**8 - 1)}",
        )  # fmt: skip


def sign_in(people: People, province: Province) -> None:
    """Everyone the loader acts as, signed in once (in parallel: each sign-in checks a hash)."""
    names = {f"sup:{t.district}": username("sup", t.district) for t in province.teams}
    names |= {f"exp:{t.district}": username("exp", t.district) for t in province.teams}
    names |= {f"coord:{t.tambon}": username("coord", t.tambon) for t in province.teams}
    with ThreadPoolExecutor(4) as pool:
        sessions = dict(zip(names, pool.map(people.login, names.values()), strict=True))
    for key, api in sessions.items():
        kind, area = key.split(":")
        {"sup": province.supervisors, "exp": province.experts, "coord": province.coordinators}[
            kind
        ][area] = api


def form_teams(people: People, province: Province) -> int:
    """The 31 teams, each complete: its tambon's coordinator, a leader, the district's expert."""
    admin = people.admin
    existing = {t["name"]: t["id"] for t in admin.items("/teams", area=CHACHOENGSAO)}
    formed = 0
    for team in province.teams:
        name = f"ทีมยิ้ม {team.number:02d} ต.{name_of(team.tambon)}"
        if name not in existing:
            seats = [
                ("volunteer_leader", username("lead", team.villages[0])),
                ("subdistrict_coordinator", username("coord", team.tambon)),
                ("district_expert", username("exp", team.district)),
            ]
            body = {
                "name": name,
                "coverage": [team.tambon],
                "members": [{"role": r, "person_id": people.ids[u]} for r, u in seats],
            }
            existing[name] = province.supervisors[team.district].post("/teams", body)["id"]
            formed += 1
        province.team_ids[team.number] = existing[name]
    return formed


def import_households(province: Province, say: Callable[[str], None]) -> int:
    """Each district's expert uploads the district's BMN file, unless its households are in."""

    def district_file(district: str) -> int:
        rows = [h for t in province.teams if t.district == district for h in t.households]
        expert = province.experts[district]
        if count_households(expert, district) >= len(rows):
            return 0
        upload(expert, bmn_csv(rows), f"bmn-{district}.csv")
        say(f"  BMN file of {name_of(district, 'en')}: {len(rows)} households")
        return len(rows)

    with ThreadPoolExecutor(4) as pool:
        return sum(pool.map(district_file, sorted(province.experts)))


def count_households(api: Api, area: str, **params: str) -> int:
    return sum(1 for _ in api.items("/households", area=area, **params))


def upload(api: Api, body: bytes, file_name: str) -> dict:
    params = {"survey_year": SURVEY_YEAR, "format": "csv", "file_name": file_name}
    answer = api.call(
        "POST", "/household-imports", params=params, data=body,
        headers={"Content-Type": "text/csv"},
    )  # fmt: skip
    started = expect(answer, 202, f"import {file_name}").json()
    path = f"/household-imports/{started['id']}"
    done = wait_for(
        lambda: (s := api.get(path))["status"] in ("done", "failed") and s, f"import {file_name}"
    )
    if done["status"] != "done" or done.get("rejected"):
        raise ApiError(f"import {file_name} ended {done}")
    return done


def target(api: Api, area: str) -> dict:
    """Target the poor of an area for the survey year; retried when an event changed one of its
    households meanwhile (412), as the answer says."""
    body = {"area_code": area, "survey_year": SURVEY_YEAR}
    answer = wait_for(
        lambda: (r := api.call("POST", "/targeting", body)).status_code != 412 and r,
        f"targeting {area}",
    )
    return expect(answer, 200, f"targeting {area}").json()


def assign(province: Province) -> int:
    """Each team takes its villages' households, once teams has learnt them from the import."""

    def team_villages(team: Team) -> int:
        supervisor, assigned = province.supervisors[team.district], 0
        wait_for(
            lambda: len(list(supervisor.items("/assignments", area=team.tambon)))
            >= len(team.households),
            f"teams to learn the households of {team.tambon}",
        )
        for village in team.villages:
            if not supervisor.get("/assignments", area=village, unassigned="true", limit=1)[
                "items"
            ]:
                continue
            body = {"village_code": village, "team_id": province.team_ids[team.number]}
            assigned += len(supervisor.post("/assignments/villages", body, status=200)["assigned"])
        return assigned

    with ThreadPoolExecutor(6) as pool:
        return sum(pool.map(team_villages, province.teams))


def find_households(province: Province) -> None:
    """(village, house number) -> household id, as each tambon's coordinator lists them."""
    for team in province.teams:
        for item in province.coordinators[team.tambon].items("/households", area=team.tambon):
            province.household_ids[f"{item['village_code']}/{item['house_no']}"] = item["id"]


def household_id(province: Province, household: Household) -> str:
    return province.household_ids["/".join(household.key)]
