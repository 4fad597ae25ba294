"""Visit payloads: logging a follow-up visit and listing them."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.dates import HAPPENED
from infra.fields import Integer, Moment, Text
from services.households.schemas.common import client_key, money, money_out
from services.households.vocabulary import WELLBEING


class LogVisit(Schema):
    visited_at = Moment(HAPPENED, required=True)
    notes = Text(1, 4000, required=True)
    wellbeing = Integer(
        required=True, strict=True, validate=validate.Range(WELLBEING.start, WELLBEING.stop - 1)
    )
    annual_income_thb = money(load_default=None, allow_none=True)
    problems = fields.List(Text(1, 500), load_default=list, validate=validate.Length(max=30))
    client_key = client_key()


class ListVisits(Schema):
    limit = Integer(load_default=50, validate=validate.Range(1, 200))  # a query string


class VisitOut(Schema):
    id = fields.String()
    household_id = fields.String()
    visited_at = fields.AwareDateTime()
    visited_by = fields.String()
    recorded_at = fields.AwareDateTime()
    notes = fields.String()
    wellbeing = Integer()
    annual_income_thb = money_out(allow_none=True)
    income_per_person_thb = money_out(allow_none=True)
    problems = fields.List(fields.String())
