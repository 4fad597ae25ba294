"""The households service's own view of the events it consumes (never the producers' code), and
the use case each one calls."""

from marshmallow import Schema, fields

from infra.subscriptions import table, versions_of
from services.households.usecases import reactions, risk_reactions


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
    repaid_on = fields.Date(load_default=None)  # older news of the loan never undoes this


class LoanWrittenOffV1(Schema):
    loan_id = fields.String(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    written_off_on = fields.Date(load_default=None)


class LoanOverdueV1(Schema):
    loan_id = fields.String(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    days_overdue = fields.Integer(required=True)
    as_of = fields.Date(required=True)


# Every event this service consumes, once: its handlers and their queues are made from this table.
TABLE = table(
    ("teams", "household_assigned", 1, HouseholdAssignedV1, reactions.team_assigned),
    ("teams", "household_reassigned", 1, HouseholdReassignedV1, reactions.team_reassigned),
    ("teams", "training_completed", 1, TrainingCompletedV1, reactions.training_completed),
    ("funding", "funding_access_granted", 1, FundingAccessGrantedV1, reactions.funding_granted),
    ("funding", "funding_access_declined", 1, FundingAccessDeclinedV1, reactions.funding_declined),
    ("funding", "loan_disbursed", 1, LoanDisbursedV1, reactions.loan_disbursed),
    ("funding", "loan_repaid", 1, LoanRepaidV1, risk_reactions.loan_repaid),
    ("funding", "loan_written_off", 1, LoanWrittenOffV1, risk_reactions.loan_written_off),
    ("funding", "loan_overdue", 1, LoanOverdueV1, risk_reactions.loan_overdue),
)

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = versions_of(TABLE)
