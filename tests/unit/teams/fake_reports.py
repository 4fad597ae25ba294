"""In-memory stand-ins for the teams report reads (given figures, remembered questions), as
`fake_repositories.py`; the SQL that counts is covered by the integration tests."""

from __future__ import annotations

from typing import Any

from services.teams.db.sammachip_report import Scope


class FakeTeamReport:
    def __init__(self) -> None:
        self.figures: list[dict[str, Any]] = []  # rows of teams_report, by team ("key")
        self.villages: list[dict[str, Any]] = []  # rows of team_villages_report
        self.seated: list[tuple[str, str, str]] = []  # (team id, role, person id)
        self.asked: tuple[Any, ...] = ()

    def team_figures(self, reach: Any, parts: tuple[str, ...]) -> list[dict[str, Any]]:
        self.asked = (reach, parts)
        return [dict(row) for row in self.figures]

    def village_figures(self, team_id: str, areas: tuple[str, ...] | None) -> list[dict[str, Any]]:
        self.asked = (team_id, areas)
        return list(self.villages)

    def seats(self, team_ids: list[str]) -> list[tuple[str, str, str]]:
        return [seat for seat in self.seated if seat[0] in team_ids]


class FakeSammachipCounts:
    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}  # by metric: child area -> achieved
        self.scope: Scope | None = None

    def all(self, scope: Scope) -> dict[str, dict[str, int]]:
        self.scope = scope
        return self.counts


class FakeSammachipOutcomes:
    def __init__(self) -> None:
        self.outcomes: dict[str, dict[str, Any]] = {}  # child area -> outcome column -> value

    def by_area(self, scope: Scope) -> dict[str, dict[str, Any]]:
        return self.outcomes
