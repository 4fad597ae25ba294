"""Escalations open at every level of the ladder: overdue visits and falling incomes at the team
expert's, loans 31-90 days in arrears at the district supervisor's, over 90 at the province's;
some acknowledged, some resolved, by the people they reached."""

from __future__ import annotations

from demo.http import Api, wait_for


def run_arrears_job(admin: Api) -> dict:
    """The daily arrears job, run now (it announces each loan's bucket once)."""
    return admin.post("/arrears-runs", {}, status=(200, 201, 202))


def settle(expert: Api, acknowledged: set[str], resolved: set[str]) -> int:
    """The expert acknowledges and resolves the overdue-visit escalations of these households,
    once the households service has found the visits overdue."""
    wanted = acknowledged | resolved

    def found() -> dict[str, dict]:
        items = expert.items("/escalations", kind="visit_overdue")
        # a visit logged after an earlier due day closed that day's escalation: not that one
        seen = {
            e["household_id"]: e
            for e in items
            if e["household_id"] in wanted and e["status"] != "closed"
        }
        return seen if len(seen) == len(wanted) else {}

    changed = 0
    # the notifications service may still be filing the load's earlier events: give it time
    waited = wait_for(found, f"{len(wanted)} overdue visits' escalations", seconds=900)
    for household, escalation in waited.items():
        path = f"/escalations/{escalation['id']}"
        if escalation["status"] == "open":
            expert.post(f"{path}/acknowledgement", status=200)
            escalation["status"], changed = "acknowledged", changed + 1
        if household in resolved and escalation["status"] == "acknowledged":
            expert.post(f"{path}/resolution", {"note": "โทรนัดเยี่ยมบ้านแล้ว"}, status=200)
            changed += 1
    return changed
