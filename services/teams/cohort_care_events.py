"""Events of what the district does around a cohort: late and done follow-ups (notifications
escalates a late one like an overdue visit) and results after training (no money in them: a
household's income is for those who may read the household). Listed in
`services.teams.events.PUBLISHED` (docs/EVENTS.md)."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from services.teams.vocabulary import FOLLOW_UP_PHASES, RESULT_MONTHS

COHORT_ID = "2b3c4d5e-6f70-4a81-92a3-b4c5d6e7f809"
FOLLOW_UP_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
HOUSEHOLD_ID = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"
AT = "2027-03-02T01:00:00+00:00"
PHASE = validate.OneOf(FOLLOW_UP_PHASES)


class FollowUpOverdueData(Schema):
    subject_id = fields.String(required=True)  # the follow-up's id, or the cohort's (none after)
    cohort_id = fields.UUID(required=True)
    follow_up_id = fields.UUID(required=True, allow_none=True)
    village_code = fields.String(required=True)
    occupation = fields.String(required=True)
    phase = fields.String(required=True, validate=PHASE)
    due_on = fields.Date(required=True)
    detected_at = fields.AwareDateTime(required=True)


class FollowUpDoneData(Schema):
    cohort_id = fields.UUID(required=True)
    follow_up_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    phase = fields.String(required=True, validate=PHASE)
    done_on = fields.Date(required=True)


class ResultRecordedData(Schema):
    cohort_id = fields.UUID(required=True)
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    months = fields.Integer(required=True, validate=validate.OneOf(RESULT_MONTHS))
    occupation = fields.String(required=True)
    recorded_at = fields.AwareDateTime(required=True)


FOLLOW_UP_OVERDUE = EventContract(
    "cohort_follow_up_overdue",
    1,
    FollowUpOverdueData,
    {
        "subject_id": COHORT_ID,
        "cohort_id": COHORT_ID,
        "follow_up_id": None,
        "village_code": "94010101",
        "occupation": "ทำขนมพื้นบ้าน",
        "phase": "after",
        "due_on": "2027-03-01",
        "detected_at": AT,
    },
)
FOLLOW_UP_DONE = EventContract(
    "cohort_follow_up_done",
    1,
    FollowUpDoneData,
    {
        "cohort_id": COHORT_ID,
        "follow_up_id": FOLLOW_UP_ID,
        "village_code": "94010101",
        "phase": "after",
        "done_on": "2027-03-02",
    },
)
RESULT_RECORDED = EventContract(
    "training_result_recorded",
    1,
    ResultRecordedData,
    {
        "cohort_id": COHORT_ID,
        "household_id": HOUSEHOLD_ID,
        "village_code": "94010101",
        "months": 3,
        "occupation": "ทำขนมพื้นบ้าน",
        "recorded_at": AT,
    },
)


class ModelHouseholdData(Schema):
    district_code = fields.String(required=True)
    fiscal_year = fields.Integer(required=True)  # Buddhist era
    household_id = fields.UUID(required=True)
    selected_on = fields.Date(required=True)
    version = fields.Integer(required=True)


MODEL_HOUSEHOLD_SELECTED = EventContract(
    "model_household_selected",
    1,
    ModelHouseholdData,
    {
        "district_code": "9401",
        "fiscal_year": 2570,
        "household_id": HOUSEHOLD_ID,
        "selected_on": "2027-08-15",
        "version": 1,
    },
)

COHORT_CARE_PUBLISHED = [
    FOLLOW_UP_OVERDUE,
    FOLLOW_UP_DONE,
    RESULT_RECORDED,
    MODEL_HOUSEHOLD_SELECTED,
]
