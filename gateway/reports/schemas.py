"""Schemas of the reports and areas routes, for the OpenAPI document and the query."""

from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields, validate

from infra.fields import AreaCode, Integer, Line, fiscal_year_shape
from infra.fiscal import FIRST_FISCAL_YEAR, YEARS_AHEAD
from infra.reports import ROW_LEVELS


class ReportParams(Schema):
    area = AreaCode(metadata={"description": "DOPA code of the area (this or `team` is required)"})
    team = Line(
        1,
        36,
        metadata={
            "description": "id of a Smile Team: its report, a row per village (the reports "
            "whose `by_team` is true); not with `area`"
        },
    )
    fiscal_year = Integer(  # when not given, the current one
        metadata=fiscal_year_shape(FIRST_FISCAL_YEAR, YEARS_AHEAD)
    )
    rows = fields.String(
        validate=validate.OneOf(list(ROW_LEVELS)),
        metadata={
            "description": "the level of the rows, below the area (default: the next level "
            "down); a province's tambons, for instance. Not with `team`"
        },
    )
    format = fields.String(validate=validate.OneOf(["json", "xlsx", "csv"]))
    lang = fields.String(validate=validate.OneOf(["th", "en"]))


class AreaOut(Schema):
    code = fields.String(required=True)
    level = fields.String(required=True)
    name_th = fields.String(required=True)
    name_en = fields.String(required=True)
    parent = fields.String(allow_none=True)


class AreaChildrenOut(Schema):
    area = fields.Nested(AreaOut, required=True)
    items = fields.List(fields.Nested(AreaOut), required=True)
    complete = fields.Boolean(
        required=True,
        metadata={"description": "false for a sub-district: the DOPA data lists no villages"},
    )


class ColumnOut(Schema):
    key = fields.String(required=True)
    kind = fields.String(required=True)
    header = fields.String(required=True)
    definition = fields.String(required=True)


class RowOut(Schema):
    """`key`, `name`, then a value per column key (counts, baht as strings, percentages)."""

    class Meta:
        unknown = INCLUDE

    key = fields.String(required=True)
    name = fields.String(required=True)


class TeamRefOut(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    coverage = fields.List(fields.String(), required=True)


class ReportOut(Schema):
    report = fields.String(required=True)
    title = fields.String(required=True)
    area = fields.Nested(
        AreaOut,
        required=True,
        allow_none=True,
        metadata={"description": "the area asked for; null for a team's report"},
    )
    team = fields.Nested(
        TeamRefOut,
        required=True,
        allow_none=True,
        metadata={"description": "the team asked for; null for an area's report"},
    )
    fiscal_year = Integer(required=True)
    as_of = fields.Date(required=True)
    language = fields.String(required=True)
    columns = fields.List(fields.Nested(ColumnOut), required=True)
    rows = fields.List(fields.Nested(RowOut), required=True)
    totals = fields.Dict(required=True)


class ReportSummaryOut(Schema):
    name = fields.String(required=True)
    title_th = fields.String(required=True)
    title_en = fields.String(required=True)
    rows_by = fields.String(required=True)
    by_team = fields.Boolean(
        required=True, metadata={"description": "also made for one team (`?team=`)"}
    )


class ReportsOut(Schema):
    items = fields.List(fields.Nested(ReportSummaryOut), required=True)
