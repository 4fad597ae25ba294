"""The report model: columns, the rows each service sends, and the totals row."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    COUNT = "count"
    BAHT = "baht"
    PERCENT = "percent"
    HOURS = "hours"  # a median or other figure the service totals itself
    NUMBER = "number"  # a whole number per row that adding up would miscount (a person's load)
    TEXT = "text"


@dataclass(frozen=True)
class Column:
    key: str
    th: str
    en: str
    kind: Kind
    define_th: str
    define_en: str
    ratio: tuple[str, str] | None = None  # a percentage: 100 * numerator / denominator

    def header(self, language: str) -> str:
        return self.en if language == "en" else self.th

    def definition(self, language: str) -> str:
        return self.define_en if language == "en" else self.define_th


@dataclass(frozen=True)
class Part:
    """One service's share of a report: the RPC method that answers `{"rows": [...]}`."""

    service: str
    method: str


@dataclass(frozen=True)
class Report:
    name: str
    title_th: str
    title_en: str
    file_th: str
    file_en: str
    parts: tuple[Part, ...]
    columns: tuple[Column, ...]
    rows_by: str = "area"  # or "team"
    team_parts: tuple[Part, ...] = ()  # a team's report, a row per village; none: per area only

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_th

    @property
    def by_team(self) -> bool:
        return bool(self.team_parts)


@dataclass(frozen=True)
class TeamRef:
    """The team a report is scoped to, as the teams service showed it to the caller."""

    id: str
    name: str
    coverage: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "coverage": list(self.coverage)}


@dataclass
class Table:
    """A composed report: its rows and totals, values by column key (None: not applicable)."""

    report: Report
    area: str | None  # None: a team's report
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)
    team: TeamRef | None = None


def value(kind: Kind, raw: Any) -> Any:
    """A value as a service sent it, typed by its column's kind (missing counts as zero)."""
    if kind is Kind.COUNT:
        return int(raw or 0)
    if kind is Kind.BAHT:
        return Decimal(str(raw or "0")).quantize(Decimal("0.01"))
    if kind is Kind.HOURS:
        return None if raw is None else round(float(raw), 1)
    if kind is Kind.NUMBER:
        return None if raw is None else int(raw)
    return raw


def percent(numerator: Any, denominator: Any) -> float | None:
    """100 x numerator / denominator to 2 places (counts or baht), None when nothing to divide."""
    return None if not denominator else round(float(100 * numerator / denominator), 2)


def fill(columns: tuple[Column, ...], raw: dict[str, Any]) -> dict[str, Any]:
    """One row's values, typed, percentages computed from the row's own counts."""
    row = {c.key: value(c.kind, raw.get(c.key)) for c in columns if c.kind is not Kind.PERCENT}
    for column in columns:
        if column.ratio:
            row[column.key] = percent(row[column.ratio[0]], row[column.ratio[1]])
    return row


def totals(columns: tuple[Column, ...], rows: list[dict[str, Any]], sent: dict[str, Any]) -> dict:
    """The totals row: counts and baht summed, percentages recomputed from the totals, figures
    that cannot be summed (medians) as the services computed them over all their rows."""
    summed: dict[str, Any] = {}
    for column in columns:
        if column.kind in (Kind.COUNT, Kind.BAHT):
            summed[column.key] = sum((row[column.key] for row in rows), value(column.kind, 0))
        elif column.kind in (Kind.HOURS, Kind.NUMBER):
            summed[column.key] = value(column.kind, sent.get(column.key))
        elif column.kind is Kind.TEXT:
            summed[column.key] = None
    for column in columns:
        if column.ratio:
            summed[column.key] = percent(summed[column.ratio[0]], summed[column.ratio[1]])
    return summed
