"""Case payloads: the case as a field worker opens it, consent and the stage moves."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Line, Text
from services.households.schemas.care import VisitOut
from services.households.schemas.interventions import InterventionOut
from services.households.schemas.plans import PlanOut
from services.households.schemas.registry import HouseholdOut
from services.households.vocabulary import Stage


class RecordConsent(Schema):
    # record_consent refuses an answer the household gave before it was told
    informed = fields.Boolean(required=True, metadata={"enum": [True]})
    consented = fields.Boolean(required=True)
    note = Text(1, 1000, load_default=None)


class ChangeStage(Schema):
    to_stage = fields.String(required=True, validate=validate.OneOf([s.value for s in Stage]))
    reason = Text(1, 1000, required=True)
    merged_into = Line(1, 36, load_default=None)


class CaseQuery(Schema):
    visits = Integer(load_default=5, validate=validate.Range(1, 50))


class CaseViewOut(Schema):
    """A case as a field worker opens it."""

    household = fields.Nested(HouseholdOut)
    plan = fields.Nested(PlanOut, allow_none=True)
    latest_visits = fields.List(fields.Nested(VisitOut))
    interventions = fields.List(fields.Nested(InterventionOut))
