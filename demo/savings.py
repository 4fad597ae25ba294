"""Savings-for-production groups in both provinces: district networks, groups with committees,
members (most linked to the village's households), a year of monthly deposits posted on the
meetings' collection sheets. Loans are in `demo.loans`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from demo.accounts import People
from demo.generate import Team, Village
from demo.http import Api
from demo.thai import name_of, person

MONTHS = 12
MEMBERS = 15
RULES = {
    "min_monthly_saving_thb": "100.00",
    "annual_interest_rate": "12",
    "interest_method": "declining",
    "max_loan_multiple": "3",
    "max_term_months": 24,
}


@dataclass
class Group:
    number: int  # 0..7 over both provinces
    village: str
    id: str = ""
    treasurer: Api | None = None
    chair: Api | None = None
    members: list[dict[str, Any]] = field(default_factory=list)


def today() -> date:
    return date.today()


def places(teams: list[Team], villages: list[Village]) -> dict[str, list[str]]:
    """District -> the villages of its groups: two districts a province, two groups each, where
    the Smile Teams' and the Sammachip villages are."""
    found: dict[str, list[str]] = {}
    for code in [t.villages[0] for t in teams] + [v.code for v in villages]:
        if len(found.setdefault(code[:4], [])) < 2:
            found[code[:4]].append(code)
    wanted = [d for d in found if d.startswith("24")][:2] + [
        d for d in found if d.startswith("94")
    ][:2]
    return {d: found[d] for d in wanted}


def set_up_groups(people: People, networked: dict[str, list[str]], seed: int = 6) -> list[Group]:
    """Networks and groups, each with its treasurer and chair (two officers: maker and checker)."""
    rng, admin, groups = random.Random(seed), people.admin, []
    networks = {n["name"]: n["id"] for n in admin.items("/savings-networks")}
    existing = {g["name"]: g["id"] for g in admin.items("/savings-groups")}
    for district, villages in networked.items():
        network = f"เครือข่ายกลุ่มออมทรัพย์ฯ อ.{name_of(district)}"
        if network not in networks:
            body = {"name": network, "district_code": district}
            networks[network] = admin.post("/savings-networks", body)["id"]
        for village in villages:
            group = Group(len(groups), village)
            group.id = _group(people, existing, networks[network], village, rng)
            group.treasurer = people.login(f"sav.treasurer.{village}")
            group.chair = people.login(f"sav.chair.{village}")
            groups.append(group)
    return groups


def _group(
    people: People, existing: dict[str, str], network_id: str, village: str, rng: random.Random
) -> str:
    officers = [
        (role, people.ensure(f"sav.{role}.{village}", person(rng).full_name,
                             "savings_group_officer", [village]))
        for role in ("treasurer", "chair")
    ]  # fmt: skip
    name = f"กลุ่มออมทรัพย์เพื่อการผลิตบ้าน{name_of(village)}"
    if name in existing:
        return existing[name]
    body = {
        "name": name,
        "village_code": village,
        "network_id": network_id,
        "committee": [{"person_id": pid, "role": role} for role, pid in officers],
        "rules": RULES,
    }
    return people.admin.post("/savings-groups", body)["id"]


def enrol_members(group: Group, households: list[dict[str, Any]], seed: int = 7) -> None:
    """Fifteen members who joined a year ago, ten of them the village's registered households."""
    rng, treasurer = random.Random(seed * 100 + group.number), group.treasurer
    assert treasurer is not None
    joined = (today() - timedelta(days=30 * MONTHS + 5)).isoformat()
    for n in range(MEMBERS):
        someone = person(rng)
        body = {
            "first_name": someone.first_name,
            "last_name": someone.last_name,
            "household_id": households[n]["id"] if n < min(10, len(households)) else None,
            "joined_on": joined,
            "client_key": f"demo-member-{group.village}-{n}",
        }
        member = treasurer.post(f"/savings-groups/{group.id}/members", body, status=(200, 201))
        group.members.append({**member, "monthly": 500 if n < 6 else rng.choice((100, 200, 300))})


def post_deposits(group: Group) -> int:
    """Twelve monthly meetings' sheets (a resent sheet is answered, never posted twice)."""
    assert group.treasurer is not None
    for month in range(MONTHS):
        meeting = today() - timedelta(days=30 * (MONTHS - month))
        lines = [
            {"kind": "deposit", "member_id": m["id"], "amount_thb": f"{m['monthly']}.00"}
            for m in group.members
        ]
        body = {
            "client_key": f"demo-deposits-{group.village}-{month}",
            "meeting_on": meeting.isoformat(),
            "lines": lines,
        }
        group.treasurer.post(
            f"/savings-groups/{group.id}/collection-sheets", body, status=(200, 201)
        )
    return MONTHS
