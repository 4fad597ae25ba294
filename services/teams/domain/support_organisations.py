"""Support organisations (D6) and their action plans: prepare -> plan -> execute -> monitor and
evaluate -> summarise, with tasks, due dates and progress reports.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.areas import area_code_problems
from services.teams.vocabulary import ORGANISATION_KINDS as KINDS
from services.teams.vocabulary import PHASES

# The four district organisations that support Sammachip and poor households (seed 004).


@dataclass(frozen=True)
class Organisation:
    kind: str
    district_code: str
    name: str
    reporters: tuple[str, ...]
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def register(
        cls, kind: str, district_code: str, name: str, reporters: list[str], now: datetime
    ) -> Organisation:
        problems = area_code_problems(district_code, "district_code", ("district",))
        if kind not in KINDS:
            problems.append(FieldError("kind", f"one of {', '.join(KINDS)}"))
        if not name.strip():
            problems.append(FieldError("name", "must not be blank"))
        if problems:
            raise ValidationFailed("the organisation cannot be registered as given", problems)
        return cls(kind, district_code, name.strip(), tuple(dict.fromkeys(reporters)), now)

    def changed(self, name: str, reporters: list[str]) -> Organisation:
        if not name.strip():
            raise ValidationFailed.on("name", "must not be blank")
        return replace(
            self,
            name=name.strip(),
            reporters=tuple(dict.fromkeys(reporters)),
            version=self.version + 1,
        )


@dataclass(frozen=True)
class Task:
    title: str
    due_on: date
    owner_id: str | None
    created_at: datetime
    progress: int = 0
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    household_id: str | None = None  # a Smile Team's task may be for one of its households

    def overdue(self, today: date) -> bool:
        return self.progress < 100 and self.due_on < today


@dataclass(frozen=True)
class ActionPlan:
    """The plan of its owner, a support organisation or (`team_id`) a Smile Team, whose plan is
    approved before it is carried out (`approval`; None for an organisation's)."""

    organisation_id: str | None
    year: int
    title: str
    created_at: datetime
    phase: str = PHASES[0]
    summary: str | None = None
    tasks: tuple[Task, ...] = ()
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1
    team_id: str | None = None
    approval: str | None = None

    @property
    def next_phase(self) -> str | None:
        index = PHASES.index(self.phase)
        return PHASES[index + 1] if index + 1 < len(PHASES) else None

    def advance(self, to: str, summary: str | None) -> ActionPlan:
        if to != self.next_phase:
            allowed = [self.next_phase] if self.next_phase else []
            raise Conflict(f"the plan is in phase {self.phase}", allowed=allowed)
        if to == "execute" and self.approval not in (None, "approved"):
            raise Conflict("the plan is carried out once approved", allowed=[])
        if to == "execute" and not self.tasks:
            raise Conflict(
                "a plan needs tasks before it is carried out",
                [FieldError("tasks", "add at least one task")],
            )
        if to == "summarise" and not (summary or "").strip():
            raise ValidationFailed.on("summary", "say what the plan achieved")
        kept = summary.strip() if summary else None
        return replace(self, phase=to, summary=kept, version=self.version + 1)

    def add_task(self, task: Task) -> ActionPlan:
        self._check_open()
        if not task.title.strip():
            raise ValidationFailed.on("title", "must not be blank")
        return replace(self, tasks=(*self.tasks, task), version=self.version + 1)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def reported(self, task_id: str, percent: int) -> ActionPlan:
        self._check_open()
        tasks = tuple(replace(t, progress=percent) if t.id == task_id else t for t in self.tasks)
        return replace(self, tasks=tasks, version=self.version + 1)

    def _check_open(self) -> None:
        if self.phase == PHASES[-1]:
            raise Conflict("the plan is summarised; it no longer changes", allowed=[])
