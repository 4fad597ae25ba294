"""What every service's report query shares: the query, the fiscal year and the caller's part.

A service's report RPC (the contract is in gateway/reports/__init__.py) takes
`(caller, {"area": code, "fiscal_year": 2570})` (fiscal years: `infra.fiscal`), loads it with
`ReportQuery`, asks `report_scope(caller, area)` which part of the area the caller reaches, and
answers one row per child area (`child_key`, a GROUP BY on the code's prefix), counting only
what its own list routes would show that caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from infra.areas import LEVEL_LENGTHS, child_length
from infra.caller import Caller
from infra.errors import NotFound, ValidationFailed
from infra.fields import AreaCode, Line, fiscal_year

ROW_LEVELS = ("district", "tambon", "village")


class ReportQuery(Schema):
    area = AreaCode(required=True)
    fiscal_year = fiscal_year()
    rows = fields.String(validate=validate.OneOf(ROW_LEVELS))  # default: the next level down


class TeamReportQuery(Schema):
    """A report scoped to one Smile Team: `{"team": id, "fiscal_year": 2570}`."""

    team = Line(1, 36, required=True)
    fiscal_year = fiscal_year()


@dataclass(frozen=True)
class ReportScope:
    """The area asked for, the parts of it the caller reaches, and the length of a row's key."""

    area: str
    parts: tuple[str, ...]
    key_length: int

    def child_key(self, code: str) -> str:
        return code[: self.key_length]


def report_scope(caller: Caller, area: str, rows: str | None = None) -> ReportScope:
    """The whole area for a caller covering it; the caller's own areas inside it for a caller
    responsible for a part (a district supervisor asking for the province); NotFound otherwise,
    as for any object outside the caller's reach. Rows are the next level down unless `rows`
    names a deeper one (a province's tambons)."""
    key_length = row_length(area, rows)
    if caller.covers(area):
        parts: tuple[str, ...] = (area,)
    else:
        parts = tuple(a for a in caller.areas if a and a.startswith(area))
    if not parts:
        raise NotFound(f"area {area} not found")
    return ReportScope(area, parts, key_length)


def row_length(area: str, rows: str | None) -> int:
    """How many digits a row's key has: a village's rows are itself; else the next level down,
    or the level `rows` names when it lies below the area (422 naming `rows` otherwise)."""
    if rows is None:
        return child_length(area)
    length = LEVEL_LENGTHS[rows]
    if length <= len(area):
        raise ValidationFailed.on("rows", "must be a level below the area asked for")
    return length
