"""Events of a case's risk and of relapse (issue 16), listed in `events.PUBLISHED`. No personal
data: the level, the names of the signals that earned points, the years."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from services.households.vocabulary import RISK_LEVELS as LEVELS
from services.households.vocabulary import RISK_SIGNALS as SIGNALS

HOUSEHOLD = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10"
TEAM = "5d0c1b8e-2a34-4e0f-8a8c-7f5b9c1d2e3f"
_CASE = {"household_id": HOUSEHOLD, "village_code": "24010101", "team_id": TEAM}


class _Case(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)


class CaseRiskChangedData(_Case):
    level = fields.String(required=True, validate=validate.OneOf(LEVELS))
    previous_level = fields.String(required=True, validate=validate.OneOf(LEVELS))
    signals = fields.List(fields.String(validate=validate.OneOf(SIGNALS)), required=True)
    assessed_at = fields.AwareDateTime(required=True)


class HouseholdRelapsedData(_Case):
    graduation_year = fields.Integer(required=True)
    survey_year = fields.Integer(required=True)
    import_id = fields.UUID(required=True, allow_none=True)
    flagged_at = fields.AwareDateTime(required=True)


CASE_RISK_RAISED = EventContract(
    "case_risk_raised",
    1,
    CaseRiskChangedData,
    example={
        **_CASE,
        "level": "high",
        "previous_level": "medium",
        "signals": ["missed_visits", "loans_in_arrears"],
        "assessed_at": "2026-11-21T03:00:00+00:00",
    },
)
CASE_RISK_LOWERED = EventContract(
    "case_risk_lowered",
    1,
    CaseRiskChangedData,
    example={
        **_CASE,
        "level": "medium",
        "previous_level": "high",
        "signals": ["missed_visits"],
        "assessed_at": "2026-12-21T03:00:00+00:00",
    },
)
HOUSEHOLD_RELAPSED = EventContract(
    "household_relapsed",
    1,
    HouseholdRelapsedData,
    example={
        **_CASE,
        "graduation_year": 2026,
        "survey_year": 2027,
        "import_id": "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "flagged_at": "2027-03-01T03:00:00+00:00",
    },
)
RISK_PUBLISHED = [CASE_RISK_RAISED, CASE_RISK_LOWERED, HOUSEHOLD_RELAPSED]
