"""A Smile Team's yearly action plan (seed 003: จัดทำแผนปฏิบัติการ Smile Team).

It is the support organisations' plan (`ActionPlan`: tasks, progress reports, phases) owned by a
team, for a Buddhist-era fiscal year, with the district's approval: drafted by the team (title and
tasks, a task possibly for one of the team's households), submitted, then approved (it is carried
out: phase `execute`) or returned to draft. Progress is reported on an approved plan's tasks and
per quarter of the fiscal year, and the team publishes lessons learned that other teams of the
province read (teams learn from each other).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from infra.errors import Conflict, FieldError, ValidationFailed
from infra.fiscal import first_day, last_day, thai_today
from services.teams.domain.support_organisations import ActionPlan, Task
from services.teams.vocabulary import APPROVAL, LESSON_TOPICS

DRAFT, SUBMITTED, APPROVED = APPROVAL
QUARTERS = (1, 2, 3, 4)  # of the fiscal year: 1 is October to December


def new_plan(team_id: str, fiscal_year: int, title: str, now: datetime) -> ActionPlan:
    return ActionPlan(
        None, fiscal_year, _title(title), now, phase="plan", team_id=team_id, approval=DRAFT
    )


def edited(plan: ActionPlan, title: str) -> ActionPlan:
    _require(plan, DRAFT, Conflict("the plan is changed only while it is a draft", allowed=[]))
    return replace(plan, title=_title(title), version=plan.version + 1)


def with_task(plan: ActionPlan, task: Task) -> ActionPlan:
    _require(plan, DRAFT, Conflict("tasks are added only while the plan is a draft", allowed=[]))
    if not first_day(plan.year) <= task.due_on <= last_day(plan.year):
        raise ValidationFailed.on("due_on", "must lie in the plan's fiscal year")
    return plan.add_task(task)


def submitted(plan: ActionPlan) -> ActionPlan:
    _require(plan, DRAFT, Conflict("only a draft is submitted", allowed=[]))
    if not plan.tasks:
        raise Conflict(
            "a plan needs tasks before it is submitted",
            [FieldError("tasks", "add at least one task before submitting")],
        )
    return replace(plan, approval=SUBMITTED, version=plan.version + 1)


def decided(plan: ActionPlan, approve: bool) -> ActionPlan:
    _require(plan, SUBMITTED, Conflict("only a submitted plan is approved or returned", allowed=[]))
    if approve:
        return replace(plan, approval=APPROVED, phase="execute", version=plan.version + 1)
    return replace(plan, approval=DRAFT, version=plan.version + 1)


def progress_reported(plan: ActionPlan, task_id: str, percent: int) -> ActionPlan:
    _require(plan, APPROVED, Conflict("progress is reported on an approved plan", allowed=[]))
    return plan.reported(task_id, percent)


def quarter_start(fiscal_year: int, quarter: int) -> date:
    start = first_day(fiscal_year)
    month = start.month + 3 * (quarter - 1)
    return date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


@dataclass(frozen=True)
class PeriodReport:
    """What the team did in one quarter of the plan's fiscal year."""

    plan_id: str
    quarter: int
    summary: str
    households_followed: int
    reported_by: str
    reported_at: datetime

    @classmethod
    def of(
        cls, plan: ActionPlan, quarter: int, summary: str, followed: int, by: str, now: datetime
    ) -> PeriodReport:
        _require(plan, APPROVED, Conflict("progress is reported on an approved plan", allowed=[]))
        if quarter_start(plan.year, quarter) > thai_today(now):
            raise ValidationFailed.on("quarter", "this quarter has not begun")
        if not summary.strip():
            raise ValidationFailed.on("summary", "must not be blank")
        return cls(plan.id, quarter, summary.strip(), followed, by, now)


@dataclass(frozen=True)
class Lesson:
    """A lesson learned by a team, readable by every team of its province."""

    plan_id: str
    team_id: str
    district_code: str
    fiscal_year: int
    topic: str
    title: str
    text: str
    published_by: str
    published_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def province_code(self) -> str:
        return self.district_code[:2]

    @classmethod
    def learned(cls, plan: ActionPlan, district_code: str, topic: str, title: str, text: str,
                by: str, now: datetime) -> Lesson:  # fmt: skip
        _require(
            plan, APPROVED, Conflict("lessons are published from an approved plan", allowed=[])
        )
        if topic not in LESSON_TOPICS:
            raise ValidationFailed.on("topic", f"one of {', '.join(LESSON_TOPICS)}")
        for name, value in (("title", title), ("text", text)):
            if not value.strip():
                raise ValidationFailed.on(name, "must not be blank")
        assert plan.team_id is not None
        return cls(plan.id, plan.team_id, district_code, plan.year, topic, title.strip(),
                   text.strip(), by, now)  # fmt: skip


def _title(title: str) -> str:
    if not title.strip():
        raise ValidationFailed.on("title", "must not be blank")
    return title.strip()


def _require(plan: ActionPlan, approval: str, refusal: Conflict) -> None:
    if plan.approval != approval:
        raise refusal
