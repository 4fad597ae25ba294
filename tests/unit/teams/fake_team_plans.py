"""In-memory stand-in for the team plans' own repository (quarterly reports, lessons), as
`fake_repositories.py`; the plans themselves are in `FakePlans`."""

from __future__ import annotations

from typing import Any

from infra.errors import KeyTaken
from infra.pagination import Page
from services.teams.db.team_plans import LessonFilter
from services.teams.domain.team_plans import Lesson, PeriodReport
from tests.unit.teams.fake_repositories import Staged
from tests.unit.teams.fake_support_organisations import FakePlans


class FakeTeamPlans(Staged[Any]):
    """Quarterly reports and lessons are entries: `{"quarter": r}` and `{"lesson": l}`."""

    def __init__(self, plans: FakePlans) -> None:
        super().__init__()
        self.plans = plans
        self.asked: LessonFilter | None = None

    def exists(self, team_id: str, fiscal_year: int) -> bool:
        return any(
            (p.team_id, p.year) == (team_id, fiscal_year) for p in self.plans._all().values()
        )

    def of_team(self, team_id: str) -> list[dict[str, Any]]:
        mine = [p for p in self.plans._all().values() if p.team_id == team_id]
        return [{"id": p.id, "year": p.year, "title": p.title, "approval": p.approval,
                 "version": p.version} for p in mine]  # fmt: skip

    def add_period_report(self, report: PeriodReport) -> None:
        if self.quarter_reported(report.plan_id, report.quarter):
            raise KeyTaken()
        self._entries.append({"quarter": report})

    def quarter_reported(self, plan_id: str, quarter: int) -> bool:
        return any((r.plan_id, r.quarter) == (plan_id, quarter) for r in self._of("quarter"))

    def period_reports_of(self, plan_id: str) -> list[PeriodReport]:
        return sorted((r for r in self._of("quarter") if r.plan_id == plan_id),
                      key=lambda r: r.quarter)  # fmt: skip

    def add_lesson(self, lesson: Lesson) -> None:
        self._entries.append({"lesson": lesson})

    def lessons_of(self, plan_id: str) -> list[Lesson]:
        return [x for x in self._of("lesson") if x.plan_id == plan_id]

    def lessons(self, where: LessonFilter, after: str | None, limit: int) -> Page[Lesson]:
        """Lessons of the filter's provinces and topic (area and year: integration tests)."""
        self.asked = where
        chosen = [
            x for x in self._of("lesson")
            if (where.provinces is None or x.province_code in where.provinces)
            and where.topic in (None, x.topic)
        ]  # fmt: skip
        return Page(chosen[:limit], None)

    def _of(self, kind: str) -> list[Any]:
        return [e[kind] for e in self.entries + self._entries if kind in e]
