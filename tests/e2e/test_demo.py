"""`make demo`'s load against the system started as `make run` starts it (SQLite): the numbers
it promises, read through the API as the demo's provincial supervisors, and a second load that
changes nothing."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import pytest

from demo import system as demo_system
from demo.accounts import PASSWORD
from demo.generate import FATES, chachoengsao_teams, pattani_villages
from demo.http import Api
from demo.load import run
from tests.e2e.conftest import ADMIN_PASSWORD, launch
from tests.support.waiting import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.long]
STAGE_OF_FATE = {
    "declined": "declined", "moved": "moved", "graduated": "graduated",
    "compass_draft": "compass", "compass_submitted": "compass", "compass_returned": "compass",
    "manage": "manage", "manage_funding": "manage",
}  # fmt: skip


@pytest.fixture(scope="module")
def system(tmp_path_factory, rabbit_admin):
    yield from launch(tmp_path_factory.mktemp("demo"), rabbit_admin, **demo_system.load_settings())


@pytest.fixture(scope="module")
def loaded(system):
    lines: list[str] = []
    seconds = run(system.url, ADMIN_PASSWORD, say=lines.append)
    print(f"demo loaded in {seconds:.0f} s:", *lines, sep="\n")
    return lines


def sign_in(system, username: str) -> Api:
    return Api(system.url, username, PASSWORD)


def expected_stages() -> Counter:
    stages: Counter = Counter()
    for team in chachoengsao_teams():
        for household in team.households:
            fate = team.fates.get(household.national_id)
            if fate:
                stages[STAGE_OF_FATE.get(fate, "care")] += 1
            else:
                stages["target" if household.targeted else "registered"] += 1
    return stages


def test_chachoengsao_shows_teams_cases_in_every_stage_and_open_escalations(system, loaded):
    province = sign_in(system, "cco.province")
    teams = list(province.items("/teams", area="24"))
    assert len(teams) == 31 and all(t["status"] == "complete" for t in teams)
    stages = Counter(h["stage"] for h in province.items("/households", area="24"))
    assert stages == expected_stages()
    assert {"target", "compass", "manage", "care", "graduated", "declined", "moved"} <= set(stages)
    escalations = list(province.items("/escalations"))
    open_levels = {e["level"] for e in escalations if e["status"] == "open"}
    assert open_levels == {0, 1, 2}
    statuses = Counter(e["status"] for e in escalations)
    assert statuses["acknowledged"] >= 31 and statuses["resolved"] >= 31
    kinds = {e["kind"] for e in escalations if e["status"] == "open"}
    assert {"visit_overdue", "income_falling", "loan_arrears"} <= kinds


def test_savings_groups_have_a_year_of_deposits_and_loans_at_every_status(system, loaded):
    province = sign_in(system, "cco.province")
    groups = list(province.items("/savings-groups"))
    assert len(groups) == 4
    loans = [loan for g in groups for loan in province.items(f"/savings-groups/{g['id']}/loans")]
    statuses = Counter(loan["status"] for loan in loans)
    assert set(statuses) == {
        "applied",
        "approved",
        "rejected",
        "disbursed",
        "closed",
        "written_off",
    }
    assert statuses["written_off"] == 1
    buckets = {loan["arrears"]["bucket"] for loan in loans if loan["status"] == "disbursed"}
    assert {"1-30", "31-60", "61-90", "over-90"} <= buckets
    requests = [
        r for g in groups for r in province.items(f"/savings-groups/{g['id']}/funding-requests")
    ]
    assert {r["status"] for r in requests} == {"granted", "declined"}
    ledger = province.get(f"/savings-groups/{groups[0]['id']}/ledger", limit=200)["items"]
    days = {entry["on"][:7] for entry in ledger}
    assert len(days) >= 12  # a year of monthly meetings


def test_pattani_shows_the_sammachip_programme(system, loaded):
    province = sign_in(system, "pti.province")
    villages = pattani_villages()
    trainers = list(province.items("/trainer-teams", area="94"))
    assert len(trainers) == 123 and all(len(t["members"]) == 5 for t in trainers)
    assert all(sum(m["lead"] for m in t["members"]) == 1 for t in trainers)
    cohorts = list(province.items("/cohorts", area="94"))
    assert sum(len(c["households"]) for c in cohorts) == 2460 == 20 * len(villages)
    assert Counter(c["status"] for c in cohorts) == {"completed": 103, "open": 20}
    groups = list(province.items("/occupation-groups", area="94"))
    assert len(groups) >= 12 and sum(g["registered"] for g in groups) == 8
    totals = province.get("/reports/sammachip", area="94")["totals"]
    assert totals["villages_with_trainer_team_target"] == 123
    assert totals["households_trained_target"] == 2460
    assert totals["villages_with_registered_group_target"] == 62  # half of 123, rounded up
    assert (
        totals["subdistrict_plans_used_achieved"] == 73 == totals["subdistrict_plans_used_target"]
    )
    assert totals["groups_with_otop_product_achieved"] == 5
    assert totals["groups_operating_with_income_achieved"] == len(groups) - 2


def snapshot(api: Api) -> dict[str, Any]:
    """What a second load could change, read through the API: ids, versions and states."""

    def rows(path: str, *keys: str, **params: Any) -> list[tuple]:
        return sorted(tuple(item.get(k) for k in keys) for item in api.items(path, **params))

    groups = rows("/savings-groups", "id", "version")
    return {
        "people": rows("/people", "id", "version"),
        "households": rows("/households", "id", "version", "stage"),
        "teams": rows("/teams", "id", "version"),
        "trainer_teams": rows("/trainer-teams", "id", "version"),
        "cohorts": rows("/cohorts", "id", "version", "status"),
        "occupation_groups": rows("/occupation-groups", "id", "version"),
        "community_plans": rows("/community-plans", "id", "version", area="94"),
        "sammachip_targets": api.get("/sammachip/targets/94/2570").get("version"),
        "escalations": rows("/escalations", "id", "version", "status", "level"),
        "savings_groups": groups,
        "loans": [rows(f"/savings-groups/{g}/loans", "id", "version", "status") for g, _ in groups],
        "ledgers": [len(list(api.items(f"/savings-groups/{g}/ledger"))) for g, _ in groups],
    }


def settled(api: Api) -> dict[str, Any]:
    """A snapshot once the services have caught up with each other's events."""
    last: dict[str, Any] = {}

    def same_twice() -> dict[str, Any] | None:
        nonlocal last
        now = snapshot(api)
        stable, last = now == last, now
        if not stable:
            time.sleep(2)
        return now if stable else None

    return wait_for(same_twice, timeout=180, interval=0, what="the system to settle")


def test_a_second_load_changes_nothing(system, loaded):
    admin = Api(system.url, "admin", ADMIN_PASSWORD)
    before = settled(admin)
    assert len(before["households"]) == 3000 + 2460
    lines: list[str] = []
    run(system.url, ADMIN_PASSWORD, say=lines.append)
    assert settled(admin) == before
    assert any("0 Smile Teams formed" in line for line in lines), lines
    assert sum("(0 steps)" in line for line in lines) == 2, lines  # cases, training
    assert any("(0 new answers)" in line for line in lines), lines
    assert set(FATES) >= {f for t in chachoengsao_teams() for f in t.fates.values()}
