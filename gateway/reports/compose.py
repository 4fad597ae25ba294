"""Composing a report: every part called in parallel, rows merged by key, totals added."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gateway.reports.model import Part, Report, Table, TeamRef, fill, totals
from infra.areas import area_name, areas_at, child_length
from infra.caller import Caller
from infra.reports import ReportScope, report_scope
from infra.rpc import Calls

Namer = Callable[[str, dict[str, Any]], str]  # a row's name from its key and what was sent


@dataclass(frozen=True)
class Asked:
    report: Report
    area: str | None  # None: a team's report
    fiscal_year: int
    language: str
    team: str | None = None
    rows: str | None = None  # a level below the area's next one (a province's tambons)


def compose(rpc: Calls, caller: Caller, asked: Asked) -> Table:
    """The report for the caller's part of the area (NotFound when it reaches none of it), or
    for a team the caller may read (NotFound otherwise, as the team's own route answers)."""
    if asked.team is not None:
        return _compose_team(rpc, caller, asked, asked.team)
    assert asked.area is not None
    scope = report_scope(caller, asked.area, asked.rows)
    query = {"area": asked.area, "fiscal_year": asked.fiscal_year}
    if asked.rows is not None:
        query["rows"] = asked.rows
    return build(asked, scope, _answers(rpc, caller, asked.report.parts, query))


def _compose_team(rpc: Calls, caller: Caller, asked: Asked, team_id: str) -> Table:
    team = rpc.call("teams", "get_team", caller.to_dict(), team_id)
    query = {"team": team["id"], "fiscal_year": asked.fiscal_year}
    answers = _answers(rpc, caller, asked.report.team_parts, query)
    return build_team(asked, TeamRef(team["id"], team["name"], tuple(team["coverage"])), answers)


def _answers(rpc: Calls, caller: Caller, parts: tuple[Part, ...], query: dict) -> list[dict]:
    pending = [rpc.start(p.service, p.method, caller.to_dict(), query) for p in parts]
    return [call.result() for call in pending]


def build(asked: Asked, scope: ReportScope, answers: list[dict[str, Any]]) -> Table:
    """The table from the services' answers (plain Python, so tested without a broker)."""
    keys = expected_keys(asked.report, scope)
    rows, sent_totals = _merged(
        asked, keys, answers, lambda key, raw: _name(asked, scope, key, raw)
    )
    return Table(asked.report, asked.area, rows, totals(asked.report.columns, rows, sent_totals))


def build_team(asked: Asked, team: TeamRef, answers: list[dict[str, Any]]) -> Table:
    """A team's table: a row per village the services counted something in."""
    rows, sent_totals = _merged(
        asked, [], answers, lambda key, _: village_name(key, asked.language)
    )
    made = totals(asked.report.columns, rows, sent_totals)
    return Table(asked.report, None, rows, made, team)


def _merged(
    asked: Asked, keys: list[str], answers: list[dict[str, Any]], name: Namer
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows merged by key from every answer, typed, named; and the totals the services sent."""
    report = asked.report
    merged: dict[str, dict[str, Any]] = {key: {} for key in keys}
    sent_totals: dict[str, Any] = {}
    for answer in answers:
        for row in answer.get("rows", []):
            merged.setdefault(str(row["key"]), {}).update(row)
        sent_totals.update(answer.get("totals") or {})
    rows = [
        {"key": key, "name": name(key, raw), **fill(report.columns, raw)}
        for key, raw in sorted(merged.items())
    ]
    return rows, sent_totals


def expected_keys(report: Report, scope: ReportScope) -> list[str]:
    """Every child area the caller reaches, so an area with nothing to count shows its zeros.
    A tambon's villages are not in the DOPA data: its rows are the villages the services know."""
    if report.rows_by != "area":
        return []
    if scope.key_length == len(scope.area):  # a village: its own only row
        return [part for part in scope.parts if len(part) == len(scope.area)]
    return [
        child.code
        for child in areas_at(scope.area, scope.key_length)
        if any(child.code.startswith(p) or p.startswith(child.code) for p in scope.parts)
    ]


def village_name(key: str, language: str) -> str:
    """A village named with its tambon (a team's villages may lie in several: หมู่ที่ 1 twice)."""
    return f"{area_name(key, language)} {area_name(key[:6], language)}"


def _name(asked: Asked, scope: ReportScope, key: str, raw: dict[str, Any]) -> str:
    """A child area by its name; a deeper one with the areas between it and the area asked for
    (a province's tambons: บางแก้ว · บ้านโพธิ์, since names repeat across districts)."""
    if asked.report.rows_by != "area":
        return str(raw.get("name") or key)
    if len(key) <= child_length(scope.area):
        return area_name(key, asked.language)
    inside = range(len(key), len(scope.area), -2)
    return " · ".join(area_name(key[:length], asked.language) for length in inside)
