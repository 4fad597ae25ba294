"""Intervention payloads: requesting one (a funding access with its loan terms) and moving it on."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Line, Text
from services.households.schemas.common import client_key, money, money_out
from services.households.vocabulary import Kind, Status


class FundingIn(Schema):
    amount_thb = money(required=True)
    purpose = Text(1, 200, required=True)
    term_months = Integer(required=True, strict=True, validate=validate.Range(1, 120))


class RequestIntervention(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in Kind]))
    description = Text(1, 2000, required=True)
    owner = Line(1, 64, load_default=None)
    agency = Line(1, 200, load_default=None)
    funding = fields.Nested(FundingIn, load_default=None)
    client_key = client_key()
    openapi_rules = {  # what usecases/interventions.py checks: a referral's agency, a funding
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": Kind.REFERRAL.value}}},
                "then": {"required": ["agency"], "properties": {"agency": {"type": "string"}}},
            },
            {
                "if": {"properties": {"kind": {"const": Kind.FUNDING_ACCESS.value}}},
                "then": {"required": ["funding"], "properties": {"funding": {"type": "object"}}},
            },
        ]
    }


class UpdateIntervention(Schema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in Status]))
    outcome = Text(1, 2000, load_default=None)


class InterventionOut(Schema):
    id = fields.String()
    household_id = fields.String()
    kind = fields.String()
    owner = fields.String()
    description = fields.String()
    agency = fields.String(allow_none=True)
    amount_thb = money_out(attribute="funding.amount_thb", allow_none=True)
    purpose = fields.String(attribute="funding.purpose", allow_none=True)
    term_months = Integer(attribute="funding.term_months", allow_none=True)
    status = fields.String()
    outcome = fields.String(allow_none=True)
    requested_by = fields.String()
    requested_at = fields.AwareDateTime()
    changed_at = fields.AwareDateTime(allow_none=True)
    loan_id = fields.String(allow_none=True)
    version = Integer()
