"""Occupation groups after training: their OTOP product and periodic reports."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from marshmallow import Schema, ValidationError, fields, pre_dump, validate

from infra.fields import Integer, Line, Money, Text
from services.teams.schemas.common import PageQuery
from services.teams.vocabulary import OTOP_CATEGORIES, month_of

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.group_progress import GroupReport

MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
EARLIEST_YEAR = 2000
FROM_2000 = r"^(2[0-9]{3}|[3-9][0-9]{3})-(0[1-9]|1[0-2])$"  # MONTH, of a year from 2000


class Month(fields.String):
    """A month written `YYYY-MM` (from 2000), loaded as its first day. The use cases take no
    month after the current one (Bangkok's), which only the description can say."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "pattern": FROM_2000,
            "format": "year-month",
            "description": "the month reported, YYYY-MM, from 2000-01 to the current month",
            "example": "2026-10",
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> date:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not MONTH.fullmatch(text) or int(text[:4]) < EARLIEST_YEAR:
            raise ValidationError("a month written YYYY-MM, from 2000-01")
        return month_of(text)


class OtopProductIn(Schema):
    name = Line(1, 200, required=True)
    category = fields.String(required=True, validate=validate.OneOf(list(OTOP_CATEGORIES)))
    stars = Integer(load_default=None, allow_none=True, validate=validate.Range(1, 5))


class OtopProductOut(Schema):
    name = fields.String()
    category = fields.String()
    stars = Integer(allow_none=True)
    recorded_at = fields.AwareDateTime()


class GroupReportValues(Schema):
    operating = fields.Boolean(required=True)
    income_thb = Money(required=True)
    note = Text(0, 2000, load_default="")


class GroupReportIn(GroupReportValues):
    period = Month(required=True)


class GroupReportPath(Schema):
    """The month of `/occupation-groups/{group_id}/reports/{period}`."""

    period = Month(required=True)


class GroupReportOut(Schema):
    group_id = fields.String()
    village_code = fields.String()
    period = fields.String()
    operating = fields.Boolean()
    income_thb = fields.Decimal(as_string=True, places=2)
    note = fields.String()
    reported_by = fields.String()
    reported_at = fields.AwareDateTime()
    version = Integer()

    @pre_dump
    def _view(self, report: GroupReport, **_: object) -> dict[str, Any]:
        return {
            **report.__dict__,
            "period": report.period.strftime("%Y-%m"),
            "income_thb": report.income,
        }


class ListGroupReports(PageQuery):
    pass


class GroupReportsPage(Schema):
    items = fields.List(fields.Nested(GroupReportOut))
    next = fields.String(allow_none=True)
