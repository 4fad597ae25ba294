"""What the fuzzer's valid requests need besides their shape: objects that exist in the right
relation to each other (a household teams knows and a team covering it, two teams to move a
household between, households trained in an occupation, a cohort still training). Built in the
fuzzed system after the access matrix's world, and handed to the hooks
(tests/e2e/schemathesis_hooks.py) as a JSON file; what each case needs of its own (a team with a
free seat, five trainers of a village) the hooks create."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, update

from services.teams.db.cohorts import cohorts
from tests.e2e.access_setup import PLAN
from tests.e2e.access_world import B, World, household, ok, smile_team
from tests.e2e.stored_rows import database_of
from tests.support.waiting import wait_for

B_AREAS = {  # each role, and an area of B of the level it answers for
    "volunteer_leader": B["village"],
    "subdistrict_coordinator": B["tambon"],
    "district_expert": B["district"],
    "district_supervisor": B["district"],
    "provincial_supervisor": B["province"],
    "savings_group_officer": B["village"],
    "trainer": B["village"],
}


def build(world: World) -> dict[str, Any]:
    o = world.objects
    other_team = smile_team(world, B, "fz")[0]  # a second team covering B's tambon
    return {
        "team_id": o["team_id"],
        "village_code": B["village"],
        "unassigned_household": _known_to_teams(world, household(world.admin, B["village"])),
        "trained_household": o["household_id"],  # attended B's rice cohort, which completed
        "newly_trained_household": _trained(world, o["trainer_team_id"])[1],
        "trainer_team_id": o["trainer_team_id"],
        "occupation": "Rice",
        "spare_person": world.person("fspare", "trainer", B["village"])["id"],
        "assigned_household": o["household_id"],
        "other_team_id": other_team,
        "tambon_code": B["tambon"],
        "savings_group_id": o["savings_group_id"],
        "member_id": o["member_id"],
        "course_id": o["course_id"],  # B district's lead-trainer course
        "follow_up_cohort_id": o["cohort_id"],
        "follow_up_id": o["follow_up_id"],  # planned after B's cohort completed
        **_open_cohort(world, o["trainer_team_id"], o["household_id"]),
        **_results_cohort(world, o["trainer_team_id"]),
        "plan_household": _planning(world, other_team),  # at stage compass, a plan drafted
        "plan": PLAN,
        "paid_out_loan_id": _paid_out(world, o["loan_id"]),
        "areas_by_role": B_AREAS,
    }


def _known_to_teams(world: World, household_id: str) -> str:
    wait_for(
        lambda: world.admin.call("GET", f"/api/v1/assignments/{household_id}").status_code == 200,
        what="teams to learn of the fuzzer's household",
    )
    return household_id


def _trained(world: World, trainer_team_id: str) -> tuple[str, str]:
    """A cohort that completed a rice course, and its one household: another of B's village
    (an occupation group's next member)."""
    admin, hid = world.admin, _known_to_teams(world, household(world.admin, B["village"]))
    body = {"trainer_team_id": trainer_team_id, "occupation": "Rice", "households": [hid]}
    cohort = ok(admin.call("POST", "/api/v1/cohorts", body), 201).json()["id"]
    held = {"held_on": "2026-12-01", "duration_minutes": 240, "kind": "practice"}
    path = f"/api/v1/cohorts/{cohort}"
    session = ok(admin.call("POST", f"{path}/sessions", held), 201).json()["id"]
    marks = {"attendance": [{"household_id": hid, "present": True}]}
    ok(admin.call("PUT", f"{path}/sessions/{session}/attendance", marks))
    etag = admin.call("GET", path).headers["ETag"]
    ok(admin.call("POST", f"{path}/completion", {}, etag=etag))
    return cohort, hid


def _results_cohort(world: World, trainer_team_id: str) -> dict[str, str]:
    """A cohort that completed seven months ago, so both results checkpoints (3 and 6 months)
    have come: time cannot pass in a test, so its completion is moved back in the teams
    database."""
    cohort, hid = _trained(world, trainer_team_id)
    engine = create_engine(database_of(world.system.env, "teams"))
    try:
        with engine.begin() as connection:
            back = datetime.now(UTC) - timedelta(days=213)
            connection.execute(
                update(cohorts).where(cohorts.c.id == cohort).values(completed_at=back)
            )
    finally:
        engine.dispose()
    return {"results_cohort_id": cohort, "results_household": hid}


def _planning(world: World, team_id: str) -> str:
    """A household of B's team, targeted, that said yes: its plan is drafted."""
    admin, hid = world.admin, _known_to_teams(world, household(world.admin, B["village"]))
    ok(admin.call("POST", "/api/v1/assignments", {"household_id": hid, "team_id": team_id}), 201)
    ok(admin.call("POST", "/api/v1/targeting", {"area_code": B["tambon"], "survey_year": 2026}))
    path = f"/api/v1/households/{hid}"
    targeted = wait_for(
        lambda: (r := admin.call("GET", path)).json().get("stage") == "target" and r,
        what="the fuzzer's planning household to be targeted",
    )
    consent = {"informed": True, "consented": True}
    ok(admin.call("POST", f"{path}/consent", consent, etag=targeted.headers["ETag"]))
    ok(admin.call("PUT", f"{path}/plan", PLAN))
    return hid


def _paid_out(world: World, loan_id: str) -> str:
    """B's applied loan, approved and paid out by the administrator (not the one who recorded
    it): repayments have something to repay."""
    admin, path = world.admin, f"/api/v1/loans/{loan_id}"
    approved = ok(
        admin.call("POST", f"{path}/approval", etag=admin.call("GET", path).headers["ETag"])
    )
    ok(admin.call("POST", f"{path}/disbursement", {}, etag=approved.headers["ETag"]))
    return loan_id


def _open_cohort(world: World, trainer_team_id: str, household_id: str) -> dict[str, str]:
    """A cohort still training, with a session whose attendance can be taken."""
    body = {
        "trainer_team_id": trainer_team_id,
        "occupation": "Weaving",
        "households": [household_id],
    }
    cohort = ok(world.admin.call("POST", "/api/v1/cohorts", body), 201).json()["id"]
    held = {"held_on": "2026-12-01", "duration_minutes": 120, "kind": "practice"}
    path = f"/api/v1/cohorts/{cohort}/sessions"
    session = ok(world.admin.call("POST", path, held), 201).json()["id"]
    return {"open_cohort_id": cohort, "session_id": session}
