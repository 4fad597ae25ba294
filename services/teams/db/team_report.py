"""The Smile Teams report's SQL: each team the caller sees that covers part of the area, with
its households in the area counted by stage, outcome and overdue visits (one GROUP BY); or one
team's households counted per village."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, case, cast, exists, func, select
from sqlalchemy.orm import Session

from infra.reach import inside, touching
from services.teams.db.common import Reach
from services.teams.db.households import assignments, known_households
from services.teams.db.teams import team_coverage, team_members, teams, visible

STAGES = ("target", "compass", "manage", "care", "graduated")


def _count(condition: Any) -> Any:
    return func.coalesce(func.sum(cast(case((condition, 1), else_=0), Integer)), 0)


def _assigned(condition: Any) -> Any:
    h = known_households.c
    return (
        select(assignments.c.team_id, assignments.c.village_code, h.stage, h.open_case,
               h.overdue, h.consented, h.graduated_at)
        .join(known_households, h.id == assignments.c.household_id)
        .where(condition)
        .subquery()
    )  # fmt: skip


def _figures(a: Any) -> list[Any]:
    """The report's counts over the assigned households `a` (a subquery of `_assigned`)."""
    return [
        _count(a.team_id.is_not(None)).label("households"),
        _count(a.open_case.is_(True)).label("open_cases"),
        _count(a.consented.is_(True)).label("consented"),
        _count(a.consented.is_(False)).label("declined"),
        _count(a.graduated_at.is_not(None)).label("graduated"),
        _count(a.overdue.is_(True)).label("overdue_visits"),
        *(_count(a.stage == stage).label(f"stage_{stage}") for stage in STAGES),
    ]


class TeamReportQueries:
    """The report's counts, each row a dict of plain values (`key`, `name`, then integers)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def team_figures(self, reach: Reach, parts: tuple[str, ...]) -> list[dict[str, Any]]:
        """A row per team in reach covering part of `parts`, its households there counted."""
        assigned = _assigned(inside(assignments.c.village_code, parts))
        a = assigned.c
        covering = exists().where(
            team_coverage.c.team_id == teams.c.id, touching(team_coverage.c.tambon_code, parts, 6)
        )
        statement = (
            select(teams.c.id.label("key"), teams.c.name, *_figures(a))
            .outerjoin(assigned, a.team_id == teams.c.id)
            .where(visible(reach.areas, reach.person_id), covering)
            .group_by(teams.c.id, teams.c.name)
        )
        return _counts(self.session.execute(statement))

    def village_figures(self, team_id: str, areas: tuple[str, ...] | None) -> list[dict[str, Any]]:
        """One team's households per village; only inside `areas` unless None (all of them)."""
        condition = assignments.c.team_id == team_id
        if areas is not None:
            condition = condition & inside(assignments.c.village_code, areas)
        a = _assigned(condition).c
        statement = select(a.village_code.label("key"), *_figures(a)).group_by(a.village_code)
        return _counts(self.session.execute(statement))

    def seats(self, team_ids: list[str]) -> list[tuple[str, str, str]]:
        """(team id, role, person id) of every member of these teams."""
        c = team_members.c
        statement = select(c.team_id, c.role, c.person_id).where(c.team_id.in_(team_ids))
        return [(r.team_id, r.role, r.person_id) for r in self.session.execute(statement)]


def _counts(rows: Any) -> list[dict[str, Any]]:
    return [
        {k: v if k in ("key", "name") else int(v) for k, v in row._asdict().items()} for row in rows
    ]
