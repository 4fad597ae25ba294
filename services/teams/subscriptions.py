"""The teams service's own view of the households events it consumes (never the producer's code).

Only what the households read model and the team outcomes use; unknown fields are ignored. Every
event carries the village code, so whichever arrives first makes the household known here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields


class Day(fields.Field):
    """A date given as `YYYY-MM-DD` or as an ISO time (whose date is taken)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> date:
        try:
            text = str(value)
            return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)
        except ValueError:
            raise ValidationError("not a date") from None


class HouseholdEvent(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)


class HouseholdRegisteredV1(HouseholdEvent):
    registered_at = fields.AwareDateTime(required=True)


class HouseholdTargetedV1(HouseholdEvent):
    fails_income = fields.Boolean(required=True)


class ConsentRecordedV1(HouseholdEvent):
    consented = fields.Boolean(required=True)
    recorded_at = fields.AwareDateTime(required=True)


class CaseStageChangedV1(HouseholdEvent):
    to_stage = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class VisitLoggedV1(HouseholdEvent):
    visited_at = Day(required=True)


class VisitOverdueV1(HouseholdEvent):
    due_on = Day(required=True)


class HouseholdGraduatedV1(HouseholdEvent):
    graduated_at = fields.AwareDateTime(required=True)


class ImportedHousehold(Schema):
    class Meta:
        unknown = EXCLUDE  # a nested list keeps only what is read, like the envelope's data

    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)


class HouseholdsImportedV1(Schema):
    """One batch of a BMN import: the households it registered in one tambon."""

    households = fields.List(fields.Nested(ImportedHousehold), required=True)


HOUSEHOLDS = {
    "household_registered": HouseholdRegisteredV1,
    "household_targeted": HouseholdTargetedV1,
    "consent_recorded": ConsentRecordedV1,
    "case_stage_changed": CaseStageChangedV1,
    "visit_logged": VisitLoggedV1,
    "visit_overdue": VisitOverdueV1,
    "household_graduated": HouseholdGraduatedV1,
    "households_imported": HouseholdsImportedV1,
}
# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = {("households", name): {1: schema} for name, schema in HOUSEHOLDS.items()}
