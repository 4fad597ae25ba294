"""Payloads around a cohort: willingness, follow-ups and results after training."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.dates import HAPPENED, PLANNED
from infra.fields import Day, Integer, Line, Money, Text
from services.teams.schemas.common import Uuid, person_id
from services.teams.vocabulary import FOLLOW_UP_PHASES, RESULT_MONTHS

PHASE = {"enum": list(FOLLOW_UP_PHASES)}


class WillingnessIn(Schema):
    willing = fields.Boolean(required=True)
    asked_on = Day(HAPPENED, required=True)
    asked_by = person_id(load_default=None, metadata={"description": "default: the recorder"})


class FollowUpIn(Schema):
    phase = fields.String(required=True, validate=validate.OneOf(FOLLOW_UP_PHASES))
    planned_on = Day(PLANNED, required=True)
    done_on = Day(HAPPENED, load_default=None, allow_none=True)
    note = Text(0, 2000, load_default="")


class FollowUpDoneIn(Schema):
    done_on = Day(HAPPENED, required=True)
    note = Text(0, 2000, load_default=None, allow_none=True)


class ResultIn(Schema):
    household_id = Uuid(required=True)
    months = Integer(required=True, validate=validate.OneOf(RESULT_MONTHS))
    occupation = Line(
        0, 200, load_default="", metadata={"description": "the occupation taken up; empty: none"}
    )
    income_earned_thb = Money(required=True)
    costs_cut_thb = Money(required=True)


class WillingnessOut(Schema):
    household_id = fields.String()
    willing = fields.Boolean()
    asked_by = fields.String()
    asked_on = fields.Date()
    recorded_by = fields.String()
    recorded_at = fields.AwareDateTime()


class FollowUpOut(Schema):
    id = fields.String()
    cohort_id = fields.String()
    phase = fields.String(metadata=PHASE)
    planned_on = fields.Date()
    done_on = fields.Date(allow_none=True)
    note = fields.String()
    recorded_by = fields.String()
    created_at = fields.AwareDateTime()
    done_by = fields.String(allow_none=True)
    version = Integer()


class ResultOut(Schema):
    cohort_id = fields.String()
    household_id = fields.String()
    months = Integer()
    occupation = fields.String()
    income_earned_thb = fields.Decimal(as_string=True, places=2)
    costs_cut_thb = fields.Decimal(as_string=True, places=2)
    recorded_by = fields.String()
    recorded_at = fields.AwareDateTime()


class CohortCareOut(Schema):
    cohort_id = fields.String()
    willingness = fields.List(fields.Nested(WillingnessOut))
    follow_ups = fields.List(fields.Nested(FollowUpOut))
    results = fields.List(fields.Nested(ResultOut))
