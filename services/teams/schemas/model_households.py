"""Payloads of the model household selection."""

from __future__ import annotations

from marshmallow import Schema, fields

from infra.dates import HAPPENED
from infra.fields import AreaCode, Day, Integer, Text, fiscal_year
from services.teams.schemas.common import Uuid


class ModelHouseholdKey(Schema):
    district_code = AreaCode("district", required=True)
    fiscal_year = fiscal_year(required=True)


class ModelHouseholdPath(Schema):
    """The key as the URL holds it: `/model-households/{district_code}/{fiscal_year}`."""

    district_code = AreaCode("district", required=True)
    fiscal_year = fiscal_year(required=True)


class ModelHouseholdIn(Schema):
    household_id = Uuid(required=True)
    selected_on = Day(HAPPENED, required=True)
    note = Text(0, 2000, load_default="", metadata={"description": "the committee's note"})


class ModelHouseholdOut(Schema):
    district_code = fields.String()
    fiscal_year = Integer()
    household_id = fields.String()
    organisation_id = fields.String()
    selected_on = fields.Date()
    note = fields.String()
    selected_by = fields.String()
    selected_at = fields.AwareDateTime()
    version = Integer()
