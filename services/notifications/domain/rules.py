"""Which events notify whom, and which open or close an escalation (DOMAIN D7).

`actions_for(event_type, data)` turns a consumed event into plain actions; the use cases find the
people (the household's team, the area's supervisors) and file what each must receive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from services.notifications.domain.templates import short_id


@dataclass(frozen=True)
class Team:
    """The Smile Team of a household: named by the event, or looked up by household."""

    team_id: str | None = None
    household_id: str | None = None


@dataclass(frozen=True)
class AreaRole:
    """Everyone holding `role` whose areas contain `area_code`."""

    role: str
    area_code: str


@dataclass(frozen=True)
class Notify:
    kind: str
    audience: Team | AreaRole
    subject_id: str
    area_code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Summarise:
    """One message to each person holding `role` over any of the `parts` (area code, counters),
    with the counters of the parts they cover added up (`counters` and `areas` in its params)."""

    kind: str
    role: str
    subject_id: str
    parts: tuple[tuple[str, dict[str, int]], ...]
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Open:
    kind: str
    subject_id: str
    area_code: str
    household_id: str | None = None
    team_id: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    grace: str | None = None  # settings key: wait this long before opening; None opens at once
    floor: int = 0  # the lowest level it starts at (loans long in arrears start higher)


@dataclass(frozen=True)
class Close:
    kind: str
    subject_id: str


Action = Notify | Summarise | Open | Close
IMPORT_COUNTERS = ("accepted", "unchanged", "rejected")
LOAN_FLOOR = {"1-30": 0, "31-60": 1, "61-90": 2, "over-90": 2}  # past 30 days the district hears
ANSWERED = ("accepted", "in_progress", "done", "rejected")


def actions_for(event_type: str, data: dict[str, Any]) -> list[Action]:
    rule = RULES.get(event_type)
    return rule(data) if rule else []


def _case(data: dict[str, Any]) -> dict[str, Any]:
    return {"household": short_id(str(data["household_id"])), "village": data["village_code"]}


def _household_registered(d: dict[str, Any]) -> list[Action]:
    params = {**_case(d), "members": d["member_count"]}
    audience = AreaRole("subdistrict_coordinator", d["village_code"])
    return [
        Notify("household_registered", audience, str(d["household_id"]), d["village_code"], params)
    ]


def _import_finished(d: dict[str, Any]) -> list[Action]:
    """One summary per coordinator and import, when it ends, covering the coordinator's tambons
    (not one per batch, nor per tambon, nor per household)."""
    parts = tuple(
        (t["tambon_code"], {name: t[name] for name in IMPORT_COUNTERS}) for t in d["tambons"]
    )
    kind = "household_import_finished" if d["status"] == "done" else "household_import_failed"
    year = d["survey_year"]
    params = {"survey_year": year, "survey_year_be": year + 543}
    return [Summarise(kind, "subdistrict_coordinator", str(d["import_id"]), parts, params)]


def summed(parts: list[tuple[str, dict[str, int]]]) -> dict[str, Any]:
    """A summary's params for one reader: the areas they cover and their counters added up."""
    totals = {name: sum(counts[name] for _, counts in parts) for name in IMPORT_COUNTERS}
    return {**totals, "areas": sorted(area for area, _ in parts)}


def shared_area(codes: list[str]) -> str:
    """The smallest DOPA area holding every code (tambon, district, province), else the lowest."""
    for digits in (8, 6, 4, 2):
        if len({code[:digits] for code in codes}) == 1 and len(codes[0]) >= digits:
            return codes[0][:digits]
    return sorted(codes)[0]


def _assigned(team_key: str) -> Callable[[dict[str, Any]], list[Action]]:
    def rule(d: dict[str, Any]) -> list[Action]:
        audience = Team(str(d[team_key]))
        household = str(d["household_id"])
        return [Notify("household_assigned", audience, household, d["village_code"], _case(d))]

    return rule


def _plan_submitted(d: dict[str, Any]) -> list[Action]:
    return [
        Open(
            "plan_waiting",
            str(d["plan_id"]),
            d["village_code"],
            str(d["household_id"]),
            _opt(d.get("team_id")),
            {**_case(d), "since": d["submitted_at"]},
            grace="plan_approval",
        )
    ]


def _plan_returned(d: dict[str, Any]) -> list[Action]:
    household = str(d["household_id"])
    params = {**_case(d), "reason": d["reason"]}
    return [
        Close("plan_waiting", str(d["plan_id"])),
        Notify("plan_returned", Team(household_id=household), household, d["village_code"], params),
    ]


def _intervention_requested(d: dict[str, Any]) -> list[Action]:
    if d["kind"] != "referral":
        return []
    params = {**_case(d), "agency": d.get("agency") or "-", "since": d["requested_at"]}
    return [
        Open(
            "referral_not_accepted",
            str(d["intervention_id"]),
            d["village_code"],
            str(d["household_id"]),
            _opt(d.get("team_id")),
            params,
            grace="referral_acceptance",
        )
    ]


def _intervention_changed(d: dict[str, Any]) -> list[Action]:
    if d["kind"] != "referral" or d["status"] not in ANSWERED:
        return []
    actions: list[Action] = [Close("referral_not_accepted", str(d["intervention_id"]))]
    if d["status"] == "rejected":
        household = str(d["household_id"])
        audience = Team(household_id=household)
        actions.append(
            Notify("referral_rejected", audience, household, d["village_code"], _case(d))
        )
    return actions


def _visit_overdue(d: dict[str, Any]) -> list[Action]:
    household = str(d["household_id"])
    params = {**_case(d), "due_on": d["due_on"]}
    return [
        Open(
            "visit_overdue", household, d["village_code"], household, _opt(d.get("team_id")), params
        )
    ]


def _income_fell(d: dict[str, Any]) -> list[Action]:
    household = str(d["household_id"])
    params = {
        **_case(d),
        "before": d["previous_income_per_person_thb"],
        "after": d["income_per_person_thb"],
    }
    return [
        Open(
            "income_falling",
            household,
            d["village_code"],
            household,
            _opt(d.get("team_id")),
            params,
        )
    ]


def _risk_raised(d: dict[str, Any]) -> list[Action]:
    """A case that became high or critical climbs the overdue visit's ladder (once per rise:
    an escalation of the case already open stays the one)."""
    household = str(d["household_id"])
    params = {**_case(d), "level": d["level"], "signals": ", ".join(d["signals"])}
    team = _opt(d.get("team_id"))
    return [Open("case_risk", household, d["village_code"], household, team, params)]


def _graduated(d: dict[str, Any]) -> list[Action]:
    household = str(d["household_id"])
    params = {**_case(d), "until": d["monitoring_until"]}
    audience = Team(_opt(d.get("team_id")), household)
    return [
        Close("income_falling", household),
        Notify("household_graduated", audience, household, d["village_code"], params),
    ]


def _case_ended(d: dict[str, Any]) -> list[Action]:
    """A household that moved away or was merged into another: nothing is overdue or falling
    there any more (its plans' and referrals' escalations name those, which a merge moves on)."""
    household = str(d["household_id"])
    kinds = ("visit_overdue", "income_falling", "case_risk")
    return [Close(kind, household) for kind in kinds]


def _loan_overdue(d: dict[str, Any]) -> list[Action]:
    params = {
        "loan": short_id(str(d["loan_id"])),
        "village": d["village_code"],
        "bucket": d["bucket"],
        "days_overdue": d["days_overdue"],
        "arrears": d["arrears_thb"],
        "as_of": d["as_of"],
    }
    household = _opt(d.get("household_id"))
    return [
        Open(
            "loan_arrears",
            str(d["loan_id"]),
            d["village_code"],
            household,
            None,
            params,
            floor=LOAN_FLOOR.get(d["bucket"], 0),
        )
    ]


def _loan_repaid(d: dict[str, Any]) -> list[Action]:
    if d["in_arrears"] and not d["closed"]:
        return []
    return [Close("loan_arrears", str(d["loan_id"]))]


def _loan_written_off(d: dict[str, Any]) -> list[Action]:
    """The group gave up on the loan: chasing its arrears is over."""
    return [Close("loan_arrears", str(d["loan_id"]))]


def _team_incomplete(d: dict[str, Any]) -> list[Action]:
    team = str(d["team_id"])
    area = d["coverage"][0] if d["coverage"] else ""
    params = {"team": d["team_name"], "missing_roles": list(d["missing_roles"])}
    return [Open("team_incomplete", team, area, None, team, params)]


def _follow_up_overdue(d: dict[str, Any]) -> list[Action]:
    """A cohort not followed up in time: no team of its own, so the ladder starts with the
    district supervisor over the village (the team-expert step has nobody to tell)."""
    params = {
        "cohort": short_id(str(d["cohort_id"])),
        "village": d["village_code"],
        "occupation": d["occupation"],
        "due_on": d["due_on"],
    }
    subject = str(d["subject_id"])
    return [Open("cohort_follow_up_overdue", subject, d["village_code"], None, None, params)]


def _follow_up_done(d: dict[str, Any]) -> list[Action]:
    """A follow-up done closes its own escalation, and one after training the cohort's."""
    actions: list[Action] = [Close("cohort_follow_up_overdue", str(d["follow_up_id"]))]
    if d["phase"] == "after":
        actions.append(Close("cohort_follow_up_overdue", str(d["cohort_id"])))
    return actions


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


RULES: dict[str, Callable[[dict[str, Any]], list[Action]]] = {
    "household_registered": _household_registered,
    "household_import_finished": _import_finished,
    "household_assigned": _assigned("team_id"),
    "household_reassigned": _assigned("to_team_id"),
    "plan_submitted": _plan_submitted,
    "plan_approved": lambda d: [Close("plan_waiting", str(d["plan_id"]))],
    "plan_returned": _plan_returned,
    "intervention_requested": _intervention_requested,
    "intervention_status_changed": _intervention_changed,
    "visit_overdue": _visit_overdue,
    "visit_logged": lambda d: [Close("visit_overdue", str(d["household_id"]))],
    "household_income_fell": _income_fell,
    "household_graduated": _graduated,
    "case_risk_raised": _risk_raised,
    "case_risk_lowered": lambda d: [Close("case_risk", str(d["household_id"]))],
    "household_moved_away": _case_ended,
    "household_merged": _case_ended,
    "loan_overdue": _loan_overdue,
    "loan_repaid": _loan_repaid,
    "loan_written_off": _loan_written_off,
    "team_incomplete": _team_incomplete,
    "team_completed": lambda d: [Close("team_incomplete", str(d["team_id"]))],
    "cohort_follow_up_overdue": _follow_up_overdue,
    "cohort_follow_up_done": _follow_up_done,
}
