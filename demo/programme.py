"""Pattani's Sammachip year (seed 000): the province's fiscal-year targets, the sub-district
community plans (73 used for livelihood development), the registered groups' OTOP products and
every group's monthly reports of income, so the Sammachip report shows progress against targets."""

from __future__ import annotations

from datetime import date
from typing import Any

from demo.generate import PATTANI, Village
from demo.http import Api, expect
from infra.areas import child_areas
from infra.fiscal import fiscal_year_of

# Seed 000's table: 123 target villages, 2,460 households, 12 groups, half the villages with a
# registered group, 73 sub-district plans used for livelihood development.
TARGETS = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group_percent": 50,
    "subdistrict_plans_used": 73,
}
PLANS, PLANS_USED = 80, 73  # plans recorded, and of them those with livelihood development
PRODUCTS = (
    ("ข้าวเกรียบปลาปัตตานี", "food", 4),
    ("ผ้าบาติกลายดอกชบา", "textile_and_garment", 3),
    ("กรงนกเขาชวาจิ๋ว", "household_and_souvenir", None),
    ("น้ำบูดูสายบุรี", "food", 5),
    ("ตะกร้ากระจูด", "household_and_souvenir", 3),
)
MONTHS = 3  # each group reports the last three months


def load(supervisor: Api, villages: list[Village], today: date) -> int:
    """Everything the year needs, skipping what is already there; the number of records made."""
    year = fiscal_year_of(today)
    made = set_targets(supervisor, year)
    made += record_plans(supervisor, villages, year)
    groups = list(supervisor.items("/occupation-groups", area=PATTANI))
    made += record_products(supervisor, groups)
    return made + report_groups(supervisor, groups, months(today))


def set_targets(supervisor: Api, year: int) -> int:
    path = f"/sammachip/targets/{PATTANI}/{year}"
    if supervisor.call("GET", path).status_code == 200:
        return 0
    expect(supervisor.call("PUT", path, TARGETS), 201, f"PUT {path}")
    return 1


def plan_tambons(villages: list[Village]) -> list[str]:
    """The target villages' tambons first, then the province's other tambons, PLANS in all."""
    chosen = list(dict.fromkeys(v.code[:6] for v in villages))
    others = [t.code for d in child_areas(PATTANI) for t in child_areas(d.code)]
    chosen += [code for code in others if code not in chosen]
    return chosen[:PLANS]


def record_plans(supervisor: Api, villages: list[Village], year: int) -> int:
    known = {p["tambon_code"] for p in supervisor.items("/community-plans", area=PATTANI,
                                                        fiscal_year=year)}  # fmt: skip
    made = 0
    for index, tambon in enumerate(plan_tambons(villages)):
        if tambon in known:
            continue
        body = {"tambon_code": tambon, "fiscal_year": year,
                "livelihood_development": index < PLANS_USED,
                "adopted_by_local_government": index % 3 != 2}  # fmt: skip
        supervisor.post("/community-plans", body)
        made += 1
    return made


def record_products(supervisor: Api, groups: list[dict[str, Any]]) -> int:
    """An OTOP product for the first registered groups."""
    registered = [g for g in sorted(groups, key=lambda g: g["name"]) if g["registered"]]
    made = 0
    for group, (name, category, stars) in zip(registered, PRODUCTS, strict=False):
        if group.get("otop_product"):
            continue
        path = f"/occupation-groups/{group['id']}/otop-product"
        _, etag = supervisor.current(f"/occupation-groups/{group['id']}")
        body = {"name": name, "category": category, "stars": stars}
        expect(supervisor.call("PUT", path, body, etag=etag), 200, f"PUT {path}")
        made += 1
    return made


def months(today: date) -> list[str]:
    """The last MONTHS months, this one included, as YYYY-MM."""
    serial = today.year * 12 + today.month - 1
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(serial - MONTHS + 1, serial + 1)]


def report_groups(supervisor: Api, groups: list[dict[str, Any]], periods: list[str]) -> int:
    """Each group's monthly income; the last two groups by name stopped operating."""
    ordered = sorted(groups, key=lambda g: g["name"])
    made = 0
    for index, group in enumerate(ordered):
        path = f"/occupation-groups/{group['id']}/reports"
        known = {r["period"] for r in supervisor.items(path)}
        operating = index < len(ordered) - 2
        for month, period in enumerate(periods):
            if period in known:
                continue
            income = f"{(1500 + 350 * index + 200 * month) if operating else 0}.00"
            supervisor.post(path, {"period": period, "operating": operating, "income_thb": income})
            made += 1
    return made
