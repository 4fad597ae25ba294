"""Which events notify whom, and which open or close escalations."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.notifications.domain.rules import (
    AreaRole,
    Close,
    Notify,
    Open,
    Summarise,
    Team,
    actions_for,
    shared_area,
    summed,
)

HOUSEHOLD, TEAM, VILLAGE = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10", "team-1", "24010101"
CASE = {"household_id": HOUSEHOLD, "village_code": VILLAGE, "team_id": TEAM}
AT = datetime(2026, 11, 21, 3, tzinfo=UTC)


def test_an_overdue_visit_opens_at_once_and_the_logged_visit_closes_it():
    (opened,) = actions_for("visit_overdue", {**CASE, "due_on": date(2026, 11, 20)})
    assert opened == Open("visit_overdue", HOUSEHOLD, VILLAGE, HOUSEHOLD, TEAM,
                          {"household": "0b6f3c9e", "village": VILLAGE, "due_on": date(2026, 11, 20)})  # fmt: skip  # noqa: E501
    assert opened.grace is None
    assert actions_for("visit_logged", {**CASE, "visit_id": "v"}) == [
        Close("visit_overdue", HOUSEHOLD)
    ]


def test_a_submitted_plan_waits_its_grace_before_it_escalates_and_approval_or_return_closes_it():
    (opened,) = actions_for("plan_submitted", {**CASE, "plan_id": "p1", "submitted_at": AT})
    assert (opened.kind, opened.subject_id, opened.grace) == ("plan_waiting", "p1", "plan_approval")
    assert actions_for("plan_approved", {**CASE, "plan_id": "p1"}) == [Close("plan_waiting", "p1")]
    closed, told = actions_for("plan_returned", {**CASE, "plan_id": "p1", "reason": "more detail"})
    assert closed == Close("plan_waiting", "p1")
    assert told.kind == "plan_returned" and told.audience == Team(household_id=HOUSEHOLD)


@pytest.mark.parametrize("kind, opens", [("referral", True), ("livelihood_training", False)])
def test_only_referrals_are_watched_for_acceptance(kind, opens):
    data = {**CASE, "intervention_id": "i1", "kind": kind, "agency": "อบต.", "requested_at": AT}
    actions = actions_for("intervention_requested", data)
    assert bool(actions) is opens
    if opens:
        assert actions[0].grace == "referral_acceptance"


@pytest.mark.parametrize("status, expected", [
    ("requested", []),
    ("accepted", ["close"]),
    ("in_progress", ["close"]),
    ("rejected", ["close", "referral_rejected"]),
])  # fmt: skip
def test_an_answered_referral_closes_its_watch(status, expected):
    data = {**CASE, "intervention_id": "i1", "kind": "referral", "status": status}
    kinds = [
        a.kind if isinstance(a, Notify) else "close"
        for a in actions_for("intervention_status_changed", data)
    ]
    assert kinds == expected


@pytest.mark.parametrize("bucket, floor", [("1-30", 0), ("31-60", 1), ("61-90", 2), ("over-90", 2)])
def test_a_loan_long_in_arrears_starts_higher_on_the_ladder(bucket, floor):
    data = {
        "loan_id": "l1", "household_id": None, "village_code": VILLAGE, "bucket": bucket,
        "days_overdue": 45, "arrears_thb": Decimal("1500.00"), "as_of": date(2026, 11, 21),
    }  # fmt: skip
    (opened,) = actions_for("loan_overdue", data)
    assert (opened.kind, opened.floor, opened.params["arrears"]) == (
        "loan_arrears",
        floor,
        Decimal("1500.00"),
    )


@pytest.mark.parametrize(
    "in_arrears, closed, closes", [(True, False, False), (False, False, True), (True, True, True)]
)
def test_a_repayment_closes_the_arrears_escalation_only_when_no_longer_in_arrears(
    in_arrears, closed, closes
):
    data = {"loan_id": "l1", "village_code": VILLAGE, "in_arrears": in_arrears, "closed": closed}
    assert (actions_for("loan_repaid", data) == [Close("loan_arrears", "l1")]) is closes


def test_a_registered_household_notifies_the_coordinators_of_its_area():
    (told,) = actions_for("household_registered", {**CASE, "member_count": 4})
    assert told.audience == AreaRole("subdistrict_coordinator", VILLAGE)


def tambon(code: str, accepted: int, unchanged: int, rejected: int) -> dict:
    return {"tambon_code": code, "accepted": accepted, "unchanged": unchanged, "rejected": rejected}


def test_an_import_batch_tells_nobody_its_end_tells_each_tambons_coordinators_once():
    listed = [{"household_id": f"h{i}", "village_code": VILLAGE} for i in range(40)]
    batch = {"import_id": "i1", "survey_year": 2026, "tambon_code": "240101", "households": listed}
    assert actions_for("households_imported", batch) == []
    tambons = [tambon("240101", 40, 5, 2), tambon("240102", 1, 0, 1)]
    ended = {"import_id": "i1", "survey_year": 2026, "status": "done", "tambons": tambons}
    (told,) = actions_for("household_import_finished", ended)
    assert told == Summarise(
        "household_import_finished",
        "subdistrict_coordinator",
        "i1",
        (
            ("240101", {"accepted": 40, "unchanged": 5, "rejected": 2}),
            ("240102", {"accepted": 1, "unchanged": 0, "rejected": 1}),
        ),
        {"survey_year": 2026, "survey_year_be": 2569},
    )
    (failed,) = actions_for("household_import_finished", {**ended, "status": "failed"})
    assert failed.kind == "household_import_failed"


def test_a_coordinator_of_several_tambons_reads_their_counters_added_up():
    parts = [("240102", {"accepted": 1, "unchanged": 0, "rejected": 1}),
             ("240101", {"accepted": 40, "unchanged": 5, "rejected": 2})]  # fmt: skip
    assert summed(parts) == {
        "accepted": 41,
        "unchanged": 5,
        "rejected": 3,
        "areas": ["240101", "240102"],
    }


@pytest.mark.parametrize(
    "codes, area",
    [
        (["240101"], "240101"),
        (["240101", "240102"], "2401"),
        (["240101", "240201"], "24"),
        (["940101", "240101"], "240101"),
    ],
)
def test_a_summary_is_filed_under_the_smallest_area_holding_its_tambons(codes, area):
    assert shared_area(codes) == area


def test_an_incomplete_team_escalates_for_its_first_tambon_and_completion_closes_it():
    data = {"team_id": TEAM, "team_name": "Smile 1", "coverage": ["240101", "240102"],
            "missing_roles": ["district_expert"]}  # fmt: skip
    (opened,) = actions_for("team_incomplete", data)
    assert (opened.area_code, opened.team_id) == ("240101", TEAM)
    assert actions_for("team_completed", {"team_id": TEAM}) == [Close("team_incomplete", TEAM)]


def test_graduation_closes_income_falling_and_tells_the_team():
    actions = actions_for("household_graduated", {**CASE, "monitoring_until": date(2027, 11, 21)})
    assert actions[0] == Close("income_falling", HOUSEHOLD)
    assert actions[1].audience == Team(TEAM, HOUSEHOLD)


def test_an_event_without_a_rule_does_nothing():
    assert actions_for("training_completed", {}) == []


def test_a_written_off_loan_closes_its_arrears_escalation():
    actions = actions_for("loan_written_off", {"loan_id": "l1", "village_code": VILLAGE})
    assert actions == [Close("loan_arrears", "l1")]


@pytest.mark.parametrize("event_type", ["household_moved_away", "household_merged"])
def test_a_household_that_moved_away_or_merged_has_nothing_overdue_falling_or_at_risk_left(
    event_type,
):
    assert actions_for(event_type, CASE) == [
        Close("visit_overdue", HOUSEHOLD),
        Close("income_falling", HOUSEHOLD),
        Close("case_risk", HOUSEHOLD),
    ]
