"""Counting queries: open cases per team and per person, and team outcomes side by side."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from services.teams.db.households import assignments, known_households
from services.teams.db.teams import team_members

_assigned = assignments.join(known_households, known_households.c.id == assignments.c.household_id)


class CaseloadQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def open_cases_by_team(self, team_ids: list[str]) -> dict[str, int]:
        query = (
            select(assignments.c.team_id, func.count())
            .select_from(_assigned)
            .where(assignments.c.team_id.in_(team_ids), known_households.c.open_case.is_(True))
            .group_by(assignments.c.team_id)
        )
        counts = dict(self.session.execute(query).tuples().all())
        return {team_id: int(counts.get(team_id, 0)) for team_id in team_ids}

    def open_cases_by_person(self, person_ids: list[str]) -> dict[str, int]:
        """Each person's open cases over every team they serve in."""
        query = (
            select(team_members.c.person_id, func.count())
            .select_from(
                _assigned.join(team_members, team_members.c.team_id == assignments.c.team_id)
            )
            .where(team_members.c.person_id.in_(person_ids), known_households.c.open_case.is_(True))
            .group_by(team_members.c.person_id)
        )
        counts = dict(self.session.execute(query).tuples().all())
        return {person_id: int(counts.get(person_id, 0)) for person_id in person_ids}

    def outcomes(self, team_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Per team: households per stage, consent, graduations and overdue visits."""
        h = known_households
        query = (
            select(
                assignments.c.team_id,
                h.c.stage,
                func.count().label("households"),
                _count(h.c.graduated_at.is_not(None)).label("graduated"),
                _count(h.c.overdue.is_(True)).label("overdue"),
                _count(h.c.consented.is_(True)).label("consented"),
                _count(h.c.consented.is_(False)).label("declined"),
            )
            .select_from(_assigned)
            .where(assignments.c.team_id.in_(team_ids))
            .group_by(assignments.c.team_id, h.c.stage)
        )
        totals: dict[str, dict[str, Any]] = defaultdict(_empty)
        for row in self.session.execute(query):
            total = totals[row.team_id]
            total["by_stage"][row.stage] = int(row.households)
            for name in ("households", "graduated", "overdue", "consented", "declined"):
                total[name] += int(getattr(row, name))
        return {team_id: totals[team_id] for team_id in team_ids}


def _count(condition: Any) -> Any:
    return func.coalesce(func.sum(cast(case((condition, 1), else_=0), Integer)), 0)


def _empty() -> dict[str, Any]:
    totals: dict[str, Any] = dict.fromkeys(
        ("households", "graduated", "overdue", "consented", "declined"), 0
    )
    return {**totals, "by_stage": {}}
