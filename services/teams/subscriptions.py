"""The teams service's own view of the households events it consumes (never the producer's code),
and the use case each one calls.

Only what the households read model and the team outcomes use; unknown fields are ignored. Every
event carries the village code, so whichever arrives first makes the household known here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields

from infra.subscriptions import event_only, table, versions_of
from services.teams.usecases.household_merges import follow_merge
from services.teams.usecases.households import learn, learn_imported


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


class HouseholdMergedV1(HouseholdEvent):
    into_household_id = fields.UUID(required=True)
    into_village_code = fields.String(required=True)
    changed_by = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class ImportedHousehold(Schema):
    class Meta:
        unknown = EXCLUDE  # a nested list keeps only what is read, like the envelope's data

    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)


class HouseholdsImportedV1(Schema):
    """One batch of a BMN import: the households it registered in one tambon."""

    households = fields.List(fields.Nested(ImportedHousehold), required=True)


LEARN = event_only(learn)  # every households event updates the read model the same way
LEARN_IMPORTED = event_only(learn_imported)

# Every event this service consumes, once: its handlers and their queues are made from this table.
TABLE = table(
    ("households", "household_registered", 1, HouseholdRegisteredV1, LEARN),
    ("households", "household_targeted", 1, HouseholdTargetedV1, LEARN),
    ("households", "consent_recorded", 1, ConsentRecordedV1, LEARN),
    ("households", "case_stage_changed", 1, CaseStageChangedV1, LEARN),
    ("households", "visit_logged", 1, VisitLoggedV1, LEARN),
    ("households", "visit_overdue", 1, VisitOverdueV1, LEARN),
    ("households", "household_graduated", 1, HouseholdGraduatedV1, LEARN),
    ("households", "households_imported", 1, HouseholdsImportedV1, LEARN_IMPORTED),
    ("households", "household_merged", 1, HouseholdMergedV1, event_only(follow_merge)),
)

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = versions_of(TABLE)
