"""Cases pushed through the stages by the teams' coordinators and experts, each one step at a
time from what the case shows now: a second load finds every step done and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from demo.generate import THRESHOLD_THB, Household
from demo.http import Api, ApiError, expect

STATUSES = ("requested", "accepted", "in_progress", "done", "rejected")
CARE = ("care", "care_overdue", "care_overdue_acknowledged", "care_overdue_resolved")
CARE_FATES = (*CARE, "care_income_fell", "graduated")
# days ago of each visit, and the income per person it finds: the survey's, moved this share
# of the way to the threshold (above 1: past it; below 0: lower than the survey found)
VISITS = {
    "care": ((50, "0.10"), (12, "0.30")),
    "care_overdue": ((80, "0.10"), (45, "0.20")),
    "care_income_fell": ((40, "0.30"), (8, "-0.20")),
    "graduated": ((55, "1.10"), (20, "1.25")),
}
PLAN = {
    "problems": ["หนี้นอกระบบ", "รายได้ไม่พอใช้จ่าย"],
    "needs": ["อาชีพเสริมที่มีรายได้สม่ำเสมอ"],
    "livelihood": "เพาะเห็ดนางฟ้าขาย",
    "requested_support": [{"kind": "livelihood_training", "description": "อบรมเพาะเห็ด"}],
    "goals": [
        {
            "capital": "economic",
            "description": "รายได้ต่อปี",
            "baseline": "30,000",
            "target": "60,000",
        },
        {"capital": "human", "description": "ทักษะอาชีพ", "baseline": "ไม่มี", "target": "เพาะเห็ดได้"},
    ],
}


def interventions_for(fate: str, team_number: int) -> list[tuple[str, str]]:
    """(kind, status) wanted: across the teams, every kind in every status."""
    if fate == "manage":
        kinds = ("livelihood_training", "referral", "in_kind")
        return [(k, STATUSES[(team_number + i) % 5]) for i, k in enumerate(kinds)]
    if fate == "manage_funding":
        return [("funding_access", "requested")]
    return [("in_kind", "done")] if fate in CARE_FATES else []


class CaseWork:
    """One household's case, moved towards its fate by its tambon's coordinator (the district's
    expert approves or returns plans: never the person who submitted them)."""

    def __init__(self, coordinator: Api, expert: Api, household_id: str) -> None:
        self.coordinator, self.expert = coordinator, expert
        self.path = f"/households/{household_id}"

    def advance(self, fate: str, household: Household, team_number: int) -> int:
        """Take the steps still missing; the number taken. The case is read once, and again
        only when a step changes more than its answer shows (an approval moves the stage)."""
        steps, stale, case = 0, 0, self._read()
        while step := self._next(fate, household, team_number, case):
            try:
                part, answer = step()
            except ApiError as error:  # changed meanwhile (an event, or more than it showed)
                if error.status != 412 or stale > 3:
                    raise
                stale, case = stale + 1, self._read()
                continue
            steps += 1
            case = self._read() if part == "reread" else _with(case, part, answer)
        return steps

    def _read(self) -> dict[str, Any]:
        return self.coordinator.get(f"{self.path}/case")

    def _next(self, fate: str, h: Household, team: int, case: dict[str, Any]) -> Any:
        home, plan = case["household"], case["plan"]
        etag = f'"{home["version"]}"'
        stage = home["stage"]
        if stage == "target":
            if fate == "moved":
                reason = "ย้ายไปทำงานที่จังหวัดชลบุรี"
                return lambda: ("household", self._stage(etag, "moved", reason))
            return lambda: ("household", self._consent(etag, fate != "declined"))
        if stage == "compass":
            return self._plan_step(fate, plan)
        if stage == "manage":
            return self._manage_step(fate, team, case, etag)
        if stage == "care":
            return self._visit_step(fate, h, case)
        return None

    def _plan_step(self, fate: str, plan: dict[str, Any] | None) -> Any:
        path = f"{self.path}/plan"
        if plan is None:
            return lambda: ("plan", self._answer("PUT", path, PLAN))
        etag, status = f'"{plan["version"]}"', plan["status"]
        if status == "draft" and fate != "compass_draft":
            return lambda: ("plan", self._answer("POST", f"{path}/submission", {}, etag))
        if status == "submitted" and fate == "compass_returned":
            reason = {"reason": "ขอให้ระบุเป้าหมายรายได้รายเดือนให้ชัดเจน"}
            return lambda: ("plan", self._answer("POST", f"{path}/return", reason, etag, True))
        if status == "submitted" and fate != "compass_submitted":  # the stage moves: read again
            return lambda: ("reread", self._answer("POST", f"{path}/approval", {}, etag, True))
        return None

    def _manage_step(self, fate: str, team: int, case: dict[str, Any], etag: str) -> Any:
        have = {i["kind"]: i for i in case["interventions"]}
        path = f"{self.path}/interventions"
        for kind, status in interventions_for(fate, team):
            if kind not in have:
                return lambda k=kind: ("interventions", self._answer("POST", path, _asked(k)))
            item = have[kind]
            if item["status"] != status and kind != "funding_access":  # funding answers that one
                body, tag = {"status": status, "outcome": _outcome(status)}, f'"{item["version"]}"'
                one = f"{path}/{item['id']}"
                return lambda: ("interventions", self._answer("PATCH", one, body, tag))
        if fate in CARE_FATES:
            reason = "ได้รับการสนับสนุนตามแผนแล้ว"
            return lambda: ("household", self._stage(etag, "care", reason))
        return None

    def _answer(
        self, method: str, path: str, body: Any, etag: str | None = None, expert: bool = False
    ) -> Any:
        """The answer of a change by the coordinator (or the district's expert)."""
        api = self.expert if expert else self.coordinator
        answer = api.call(method, path, body, etag=etag)
        return expect(answer, (200, 201), f"{method} {path}").json()

    def _visit_step(self, fate: str, h: Household, case: dict[str, Any]) -> Any:
        plan = VISITS["care_overdue" if fate.startswith("care_overdue") else fate]
        done = len(case["latest_visits"])
        if done >= len(plan):
            return None
        days, share = plan[done]
        per_person = h.income_per_person + (THRESHOLD_THB - h.income_per_person) * Decimal(share)
        income = (per_person * h.size).quantize(Decimal("1"))
        when = datetime.now(UTC).replace(hour=2, minute=0, second=0, microsecond=0)
        body = {
            "visited_at": (when - timedelta(days=days)).isoformat(),
            "notes": "เยี่ยมบ้าน ติดตามความก้าวหน้าตามแผน",
            "wellbeing": 4 if per_person >= THRESHOLD_THB else 3,
            "annual_income_thb": f"{income}.00",
            "client_key": f"demo-visit-{h.national_id}-{done}",
        }
        return lambda: ("latest_visits", self._answer("POST", f"{self.path}/visits", body))

    def _put_plan(self) -> Any:
        return expect(self.coordinator.call("PUT", f"{self.path}/plan", PLAN), 200, "plan").json()

    def _consent(self, etag: str, consented: bool) -> Any:
        body: dict[str, Any] = {"informed": True, "consented": consented}
        if not consented:
            body["note"] = "ครอบครัวขอดูแลตนเอง"
        return self.coordinator.post(f"{self.path}/consent", body, etag=etag, status=200)

    def _stage(self, etag: str, to: str, reason: str) -> Any:
        body = {"to_stage": to, "reason": reason}
        return self.coordinator.post(f"{self.path}/stage", body, etag=etag, status=200)


def _with(case: dict[str, Any], part: str, answer: dict[str, Any]) -> dict[str, Any]:
    """The case as a step's answer shows it changed (a visit or an intervention replaces the
    one with its id, or is added)."""
    if part in ("household", "plan"):
        return {**case, part: answer}
    kept = [item for item in case[part] if item["id"] != answer["id"]]
    return {**case, part: [*kept, answer]}


def _asked(kind: str) -> dict[str, Any]:
    body: dict[str, Any] = {"kind": kind, "description": DESCRIPTIONS[kind]}
    if kind == "referral":
        body["agency"] = "องค์การบริหารส่วนตำบล"
    if kind == "funding_access":
        body["funding"] = {"amount_thb": "8000.00", "purpose": "ซื้อพันธุ์ไก่ไข่", "term_months": 10}
    return body


def _outcome(status: str) -> str | None:
    return {"done": "ดำเนินการแล้วเสร็จ", "rejected": "หน่วยงานไม่มีงบประมาณปีนี้"}.get(status)


DESCRIPTIONS = {
    "livelihood_training": "อบรมอาชีพสัมมาชีพชุมชน",
    "referral": "ส่งต่อขอรับเบี้ยผู้พิการ",
    "in_kind": "มอบพันธุ์ผักและปุ๋ย",
    "funding_access": "ขอกู้เงินกลุ่มออมทรัพย์เพื่อการผลิต",
}
