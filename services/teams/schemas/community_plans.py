"""Sub-district community plans: one per sub-district and fiscal year."""

from __future__ import annotations

from marshmallow import Schema, fields

from infra.fields import AreaCode, Integer, Text, fiscal_year
from services.teams.schemas.common import PageQuery


class CommunityPlanIn(Schema):
    tambon_code = AreaCode("subdistrict", required=True)
    fiscal_year = fiscal_year(required=True)
    livelihood_development = fields.Boolean(required=True)
    adopted_by_local_government = fields.Boolean(required=True)
    note = Text(0, 2000, load_default="")


class CommunityPlanChange(Schema):
    livelihood_development = fields.Boolean(load_default=None)
    adopted_by_local_government = fields.Boolean(load_default=None)
    note = Text(0, 2000, load_default=None)


class ListCommunityPlans(PageQuery):
    area = AreaCode(load_default=None)  # a village narrows to its sub-district's plan
    fiscal_year = fiscal_year(load_default=None)


class CommunityPlanOut(Schema):
    id = fields.String()
    tambon_code = fields.String()
    fiscal_year = Integer()
    livelihood_development = fields.Boolean()
    adopted_by_local_government = fields.Boolean()
    note = fields.String()
    recorded_by = fields.String()
    recorded_at = fields.AwareDateTime()
    version = Integer()


class CommunityPlansPage(Schema):
    items = fields.List(fields.Nested(CommunityPlanOut))
    next = fields.String(allow_none=True)
