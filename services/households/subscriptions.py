"""The households service's own view of the events it consumes (never the producers' code)."""

from marshmallow import Schema, fields


class HouseholdAssignedV1(Schema):
    household_id = fields.UUID(required=True)
    team_id = fields.String(required=True)
    assigned_at = fields.AwareDateTime(required=True)


class HouseholdReassignedV1(Schema):
    household_id = fields.UUID(required=True)
    to_team_id = fields.String(required=True)
    reassigned_at = fields.AwareDateTime(required=True)


class TrainingCompletedV1(Schema):
    household_id = fields.UUID(required=True)
    occupation = fields.String(required=True)
    completed_at = fields.AwareDateTime(required=True)


class FundingAccessGrantedV1(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    group_id = fields.String(required=True)


class FundingAccessDeclinedV1(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    reason = fields.String(required=True)


class LoanDisbursedV1(Schema):
    loan_id = fields.String(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    intervention_id = fields.UUID(required=True, allow_none=True)
    amount_thb = fields.Decimal(required=True)


class LoanRepaidV1(Schema):
    loan_id = fields.String(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    closed = fields.Boolean(required=True)
    in_arrears = fields.Boolean(required=True)


class LoanWrittenOffV1(Schema):
    loan_id = fields.String(required=True)
    household_id = fields.UUID(required=True, allow_none=True)


HOUSEHOLD_ASSIGNED = {1: HouseholdAssignedV1}
HOUSEHOLD_REASSIGNED = {1: HouseholdReassignedV1}
TRAINING_COMPLETED = {1: TrainingCompletedV1}
FUNDING_ACCESS_GRANTED = {1: FundingAccessGrantedV1}
FUNDING_ACCESS_DECLINED = {1: FundingAccessDeclinedV1}
LOAN_DISBURSED = {1: LoanDisbursedV1}
LOAN_REPAID = {1: LoanRepaidV1}
LOAN_WRITTEN_OFF = {1: LoanWrittenOffV1}

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = {
    ("teams", "household_assigned"): HOUSEHOLD_ASSIGNED,
    ("teams", "household_reassigned"): HOUSEHOLD_REASSIGNED,
    ("teams", "training_completed"): TRAINING_COMPLETED,
    ("funding", "funding_access_granted"): FUNDING_ACCESS_GRANTED,
    ("funding", "funding_access_declined"): FUNDING_ACCESS_DECLINED,
    ("funding", "loan_disbursed"): LOAN_DISBURSED,
    ("funding", "loan_repaid"): LOAN_REPAID,
    ("funding", "loan_written_off"): LOAN_WRITTEN_OFF,
}
