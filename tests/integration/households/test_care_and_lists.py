"""Overdue visits are announced once; lists filter by area, stage, team, overdue and plans waiting
for approval, paged."""

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from infra.config import database_url
from infra.engines import make_engine
from services.households.db.tables import households
from services.households.service import HouseholdsService
from tests.integration.helpers import drain, publish_event, tap
from tests.integration.households.support import (
    ADMIN,
    COORDINATOR,
    EXPERT,
    LEADER,
    TEAM,
    call,
    event,
    household,
)
from tests.support.waiting import wait_for


def set_due(config, household_id, due):
    engine = make_engine(database_url(config, "households"))
    with engine.begin() as connection:
        connection.execute(
            update(households)
            .where(households.c.id == household_id)
            .values(stage="care", next_visit_due=due)
        )
    engine.dispose()


def test_an_overdue_visit_is_announced_once_however_often_the_timer_runs(
    migrated, start_service, amqp_uri
):
    config = {**migrated, "HOUSEHOLDS": {**migrated["HOUSEHOLDS"], "overdue_check_seconds": 0.1}}
    queue = tap(amqp_uri, "households")
    start_service(HouseholdsService, config)
    start_service(HouseholdsService, config)  # a second replica, its own timer
    hid = call(config, "register_household", COORDINATOR, household(1))["id"]
    set_due(config, hid, datetime.now(UTC).date() - timedelta(days=3))
    seen = []

    def overdue():
        seen.extend(e for e in drain(amqp_uri, queue) if e["event_type"] == "visit_overdue")
        return seen

    wait_for(overdue, what="visit_overdue")
    listed = call(config, "list_households", COORDINATOR, {"overdue": True})["items"]
    assert [h["id"] for h in listed] == [hid]
    ticks_later = time.monotonic() + 1.5  # some 15 ticks of each replica's timer
    wait_for(lambda: overdue() is not None and time.monotonic() > ticks_later, what="more ticks")
    drain_after = call(config, "list_households", COORDINATOR, {"overdue": True})["items"]
    assert [h["id"] for h in drain_after] == [hid]  # still overdue, still announced only once
    # one announcement: one event; two replicas' outbox relays may both deliver it on SQLite
    # (no SKIP LOCKED there), which consumers' inboxes absorb by its event id
    assert len({e["event_id"] for e in seen}) == 1 and seen[0]["data"]["household_id"] == hid


def test_lists_filter_and_page_without_gaps_or_repeats(migrated, start_service, amqp_uri):
    start_service(HouseholdsService, migrated)
    ids = [
        call(
            migrated,
            "register_household",
            COORDINATOR,
            household(seed, village_code=f"240101{seed % 3 + 1:02d}", income="20000.00"),
        )["id"]
        for seed in range(1, 8)
    ]
    call(migrated, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026})
    publish_event(
        amqp_uri,
        event(
            "teams",
            "household_assigned",
            household_id=ids[0],
            team_id=TEAM,
            village_code="24010102",
            assigned_at="2026-11-21T03:00:00+00:00",
        ),
    )
    wait_for(lambda: call(migrated, "list_households", LEADER, {})["items"], what="the team")
    assert [h["id"] for h in call(migrated, "list_households", LEADER, {})["items"]] == [ids[0]]

    seen, cursor = [], None
    while True:
        query = {"stage": "target", "area": "240101", "limit": 2, "order": "priority"}
        found = call(
            migrated, "list_households", ADMIN, {**query, "after": cursor} if cursor else query
        )
        seen += [h["id"] for h in found["items"]]
        if not (cursor := found["next"]):
            break
    assert sorted(seen) == sorted(ids) and len(seen) == len(set(seen))
    by_village = call(migrated, "list_households", ADMIN, {"area": "24010102"})["items"]
    assert {h["village_code"] for h in by_village} == {"24010102"}
    assert {h["head_name"] for h in by_village} == {"Somchai Dee"}  # the head, not Malee


def test_the_list_of_plans_waiting_for_approval_follows_submission_and_decision(
    migrated, start_service
):
    start_service(HouseholdsService, migrated)
    plans = targeted_with_plans(migrated, (11, 12))
    waiting, drafted = plans
    submitted = call(migrated, "submit_plan", COORDINATOR, waiting, {}, plans[waiting])

    def listed(waits: bool) -> set[str]:
        query = {"area": "240101", "plan_waiting": waits}
        return {h["id"] for h in call(migrated, "list_households", EXPERT, query)["items"]}

    assert waiting in listed(True) and drafted not in listed(True)
    assert drafted in listed(False) and waiting not in listed(False)
    call(migrated, "approve_plan", EXPERT, waiting, {}, submitted["version"])
    assert waiting not in listed(True) and waiting in listed(False)


def test_a_returned_plan_shows_in_the_list_until_the_team_reworks_it(migrated, start_service):
    start_service(HouseholdsService, migrated)
    versions = targeted_with_plans(migrated, (13, 14))
    returned, kept = versions
    submitted = {
        hid: call(migrated, "submit_plan", COORDINATOR, hid, {}, versions[hid])
        for hid in (returned, kept)
    }

    def flagged() -> dict[str, bool]:
        items = call(migrated, "list_households", COORDINATOR, {"area": "240101"})["items"]
        return {h["id"]: h["plan_returned"] for h in items if h["id"] in (returned, kept)}

    assert flagged() == {returned: False, kept: False}
    back = {"reason": "goals need numbers"}
    back = call(migrated, "return_plan", EXPERT, returned, back, submitted[returned]["version"])
    assert flagged() == {returned: True, kept: False}
    goal = {"capital": "economic", "description": "income", "baseline": "1", "target": "3"}
    rework = {"goals": [goal]}
    call(migrated, "save_plan", COORDINATOR, returned, rework, back["version"])
    assert flagged() == {returned: False, kept: False}


def targeted_with_plans(config, seeds: tuple[int, ...]) -> dict[str, int]:
    """Households registered in tambon 240101 and targeted, each consented with a drafted plan:
    each one's id and its draft's version, in the order of `seeds`."""
    ids = [call(config, "register_household", COORDINATOR, household(s))["id"] for s in seeds]
    call(config, "target_households", COORDINATOR, {"area_code": "240101", "survey_year": 2026})
    return {hid: consented_with_plan(config, hid) for hid in ids}


def consented_with_plan(config, hid: str) -> int:
    """Consent, then a drafted plan; the draft's version."""
    case = call(config, "get_household", COORDINATOR, hid)
    consent = {"informed": True, "consented": True}
    call(config, "record_consent", COORDINATOR, hid, consent, case["version"])
    goal = {"capital": "economic", "description": "income", "baseline": "1", "target": "2"}
    return call(config, "save_plan", COORDINATOR, hid, {"goals": [goal]})["version"]
