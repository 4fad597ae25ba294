"""Events the households service publishes (docs/EVENTS.md). Consumers keep their own schemas;
contract tests compare them with the examples here.
"""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from infra.personal_data import PERSONAL
from services.households.risk_events import RISK_PUBLISHED
from services.households.upkeep_events import UPKEEP_PUBLISHED

STAGES = (
    "registered",
    "target",
    "compass",
    "manage",
    "care",
    "graduated",
    "declined",
    "moved",
    "deceased",
    "merged",
)
KINDS = ("livelihood_training", "funding_access", "referral", "in_kind")
STATUSES = ("requested", "accepted", "in_progress", "done", "rejected")
HOUSEHOLD = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10"
TEAM = "5d0c1b8e-2a34-4e0f-8a8c-7f5b9c1d2e3f"
PERSON = "3f2a9d4c-6b1e-4f7a-9c2d-1e8b7a6c5d40"
PLAN = "7a1c2e3d-4b5f-4a6e-8d9c-0b1a2c3d4e5f"
INTERVENTION = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
VISIT = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"
AT = "2026-11-21T03:00:00+00:00"


def _money(personal: bool = False) -> fields.Decimal:
    metadata = PERSONAL if personal else {}
    return fields.Decimal(required=True, as_string=True, places=2, metadata=metadata)


class HouseholdRegisteredData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    member_count = fields.Integer(required=True)
    registered_at = fields.AwareDateTime(required=True)


class ImportedHouseholdData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    member_count = fields.Integer(required=True)


class HouseholdsImportedData(Schema):
    """The households one batch of a BMN import registered in one tambon (sub-district)."""

    import_id = fields.UUID(required=True)
    survey_year = fields.Integer(required=True)
    tambon_code = fields.String(required=True)
    registered_at = fields.AwareDateTime(required=True)
    households = fields.List(fields.Nested(ImportedHouseholdData), required=True)


class TambonCountsData(Schema):
    """Rows of one tambon: `accepted` wrote something, `unchanged` were already stored,
    `rejected` were refused (those whose village code could be read)."""

    tambon_code = fields.String(required=True)
    accepted = fields.Integer(required=True)
    unchanged = fields.Integer(required=True)
    rejected = fields.Integer(required=True)


class HouseholdImportFinishedData(Schema):
    """A BMN import ended (`done`, or `failed` with nothing more to read): its totals and each
    tambon's counts, once per import, however many batches it took."""

    import_id = fields.UUID(required=True)
    survey_year = fields.Integer(required=True)
    status = fields.String(required=True, validate=validate.OneOf(("done", "failed")))
    finished_at = fields.AwareDateTime(required=True)
    accepted = fields.Integer(required=True)
    unchanged = fields.Integer(required=True)
    rejected = fields.Integer(required=True)
    tambons = fields.List(fields.Nested(TambonCountsData), required=True)


class HouseholdTargetedData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    survey_year = fields.Integer(required=True)
    fails_income = fields.Boolean(required=True)
    failed_indicators = fields.Integer(required=True)
    income_per_person_thb = _money(personal=True)
    targeted_at = fields.AwareDateTime(required=True)


class ConsentRecordedData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    consented = fields.Boolean(required=True)
    recorded_by = fields.String(required=True)
    recorded_at = fields.AwareDateTime(required=True)


class CaseStageChangedData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    from_stage = fields.String(required=True, validate=validate.OneOf(STAGES))
    to_stage = fields.String(required=True, validate=validate.OneOf(STAGES))
    changed_by = fields.String(required=True)
    reason = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class PlanSubmittedData(Schema):
    household_id = fields.UUID(required=True)
    plan_id = fields.UUID(required=True)
    plan_version = fields.Integer(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    submitted_by = fields.String(required=True)
    submitted_at = fields.AwareDateTime(required=True)


class PlanApprovedData(Schema):
    household_id = fields.UUID(required=True)
    plan_id = fields.UUID(required=True)
    plan_version = fields.Integer(required=True)
    village_code = fields.String(required=True)
    approved_by = fields.String(required=True)
    approved_at = fields.AwareDateTime(required=True)


class PlanReturnedData(Schema):
    household_id = fields.UUID(required=True)
    plan_id = fields.UUID(required=True)
    plan_version = fields.Integer(required=True)
    village_code = fields.String(required=True)
    returned_by = fields.String(required=True)
    reason = fields.String(required=True)
    returned_at = fields.AwareDateTime(required=True)


class InterventionRequestedData(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    owner = fields.String(required=True)
    agency = fields.String(required=True, allow_none=True)
    requested_at = fields.AwareDateTime(required=True)


class InterventionStatusChangedData(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    village_code = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class FundingAccessRequestedData(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    amount_thb = _money(personal=True)
    purpose = fields.String(required=True, metadata=PERSONAL)
    term_months = fields.Integer(required=True)
    applicant_first_name = fields.String(required=True, metadata=PERSONAL)
    applicant_last_name = fields.String(required=True, metadata=PERSONAL)
    requested_at = fields.AwareDateTime(required=True)


class VisitLoggedData(Schema):
    household_id = fields.UUID(required=True)
    visit_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    visited_at = fields.AwareDateTime(required=True)
    visited_by = fields.String(required=True)
    wellbeing = fields.Integer(required=True, validate=validate.Range(1, 5))


class VisitOverdueData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    due_on = fields.Date(required=True)
    detected_at = fields.AwareDateTime(required=True)


class HouseholdIncomeFellData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    visit_id = fields.UUID(required=True)
    previous_income_per_person_thb = _money(personal=True)
    income_per_person_thb = _money(personal=True)


class HouseholdGraduatedData(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    graduated_at = fields.AwareDateTime(required=True)
    monitoring_until = fields.Date(required=True)


_BASE = {"household_id": HOUSEHOLD, "village_code": "24010101"}
_TEAMED = {**_BASE, "team_id": TEAM}

HOUSEHOLD_REGISTERED = EventContract(
    "household_registered",
    1,
    HouseholdRegisteredData,
    example={**_BASE, "member_count": 4, "registered_at": AT},
)
HOUSEHOLDS_IMPORTED = EventContract(
    "households_imported",
    1,
    HouseholdsImportedData,
    example={
        "import_id": PLAN,
        "survey_year": 2026,
        "tambon_code": "240101",
        "registered_at": AT,
        "households": [{**_BASE, "member_count": 4}],
    },
)
HOUSEHOLD_IMPORT_FINISHED = EventContract(
    "household_import_finished",
    1,
    HouseholdImportFinishedData,
    example={
        "import_id": PLAN,
        "survey_year": 2026,
        "status": "done",
        "finished_at": AT,
        "accepted": 41,
        "unchanged": 5,
        "rejected": 3,
        "tambons": [
            {"tambon_code": "240101", "accepted": 40, "unchanged": 5, "rejected": 2},
            {"tambon_code": "240102", "accepted": 1, "unchanged": 0, "rejected": 1},
        ],
    },
)
HOUSEHOLD_TARGETED = EventContract(
    "household_targeted",
    1,
    HouseholdTargetedData,
    example={
        **_BASE,
        "survey_year": 2026,
        "fails_income": True,
        "failed_indicators": 3,
        "income_per_person_thb": "21000.00",
        "targeted_at": AT,
    },
)
CONSENT_RECORDED = EventContract(
    "consent_recorded",
    1,
    ConsentRecordedData,
    example={**_BASE, "consented": True, "recorded_by": PERSON, "recorded_at": AT},
)
CASE_STAGE_CHANGED = EventContract(
    "case_stage_changed",
    1,
    CaseStageChangedData,
    example={
        **_TEAMED,
        "from_stage": "target",
        "to_stage": "compass",
        "changed_by": PERSON,
        "reason": "consented",
        "changed_at": AT,
    },
)
PLAN_SUBMITTED = EventContract(
    "plan_submitted",
    1,
    PlanSubmittedData,
    example={
        **_TEAMED,
        "plan_id": PLAN,
        "plan_version": 1,
        "submitted_by": PERSON,
        "submitted_at": AT,
    },
)
PLAN_APPROVED = EventContract(
    "plan_approved",
    1,
    PlanApprovedData,
    example={**_BASE, "plan_id": PLAN, "plan_version": 1, "approved_by": PERSON, "approved_at": AT},
)
PLAN_RETURNED = EventContract(
    "plan_returned",
    1,
    PlanReturnedData,
    example={
        **_BASE,
        "plan_id": PLAN,
        "plan_version": 1,
        "returned_by": PERSON,
        "reason": "goals need a baseline",
        "returned_at": AT,
    },
)
INTERVENTION_REQUESTED = EventContract(
    "intervention_requested",
    1,
    InterventionRequestedData,
    example={
        **_TEAMED,
        "intervention_id": INTERVENTION,
        "kind": "referral",
        "owner": PERSON,
        "agency": "Tambon health centre",
        "requested_at": AT,
    },
)
INTERVENTION_STATUS_CHANGED = EventContract(
    "intervention_status_changed",
    1,
    InterventionStatusChangedData,
    example={
        **_BASE,
        "intervention_id": INTERVENTION,
        "kind": "referral",
        "status": "accepted",
        "changed_at": AT,
    },
)
FUNDING_ACCESS_REQUESTED = EventContract(
    "funding_access_requested",
    1,
    FundingAccessRequestedData,
    example={
        **_BASE,
        "intervention_id": INTERVENTION,
        "amount_thb": "15000.00",
        "purpose": "seedlings and fertiliser",
        "term_months": 12,
        "applicant_first_name": "Somchai",
        "applicant_last_name": "Dee",
        "requested_at": AT,
    },
)
VISIT_LOGGED = EventContract(
    "visit_logged",
    1,
    VisitLoggedData,
    example={
        **_TEAMED,
        "visit_id": VISIT,
        "visited_at": "2026-11-20T02:30:00+00:00",
        "visited_by": PERSON,
        "wellbeing": 3,
    },
)
VISIT_OVERDUE = EventContract(
    "visit_overdue",
    1,
    VisitOverdueData,
    example={**_TEAMED, "due_on": "2026-11-20", "detected_at": AT},
)
HOUSEHOLD_INCOME_FELL = EventContract(
    "household_income_fell",
    1,
    HouseholdIncomeFellData,
    example={
        **_TEAMED,
        "visit_id": VISIT,
        "previous_income_per_person_thb": "40000.00",
        "income_per_person_thb": "31000.00",
    },
)
HOUSEHOLD_GRADUATED = EventContract(
    "household_graduated",
    1,
    HouseholdGraduatedData,
    example={**_TEAMED, "graduated_at": AT, "monitoring_until": "2027-11-21"},
)

PUBLISHED = [
    HOUSEHOLD_REGISTERED,
    HOUSEHOLDS_IMPORTED,
    HOUSEHOLD_IMPORT_FINISHED,
    HOUSEHOLD_TARGETED,
    CONSENT_RECORDED,
    CASE_STAGE_CHANGED,
    PLAN_SUBMITTED,
    PLAN_APPROVED,
    PLAN_RETURNED,
    INTERVENTION_REQUESTED,
    INTERVENTION_STATUS_CHANGED,
    FUNDING_ACCESS_REQUESTED,
    VISIT_LOGGED,
    VISIT_OVERDUE,
    HOUSEHOLD_INCOME_FELL,
    HOUSEHOLD_GRADUATED,
    *RISK_PUBLISHED,
    *UPKEEP_PUBLISHED,
]
