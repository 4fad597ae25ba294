"""Events the funding service publishes (see docs/EVENTS.md). Consumers keep their own schemas;
contract tests compare. Money is a decimal string with two places; no names or national IDs."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from infra.personal_data import PERSONAL

BUCKETS = ["1-30", "31-60", "61-90", "over-90"]


def _money(personal: bool = False) -> fields.Decimal:
    metadata = PERSONAL if personal else {}
    return fields.Decimal(required=True, as_string=True, places=2, metadata=metadata)


class FundingAccessGrantedData(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    group_id = fields.UUID(required=True)
    member_id = fields.UUID(required=True)
    village_code = fields.String(required=True)


class FundingAccessDeclinedData(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    reason = fields.String(required=True)


class LoanDisbursedData(Schema):
    loan_id = fields.UUID(required=True)
    group_id = fields.UUID(required=True)
    member_id = fields.UUID(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    intervention_id = fields.UUID(required=True, allow_none=True)
    village_code = fields.String(required=True)
    amount_thb = _money(personal=True)
    disbursed_at = fields.AwareDateTime(required=True)  # when it was recorded
    disbursed_on = fields.Date(required=True)  # the day the money went out (Bangkok)


class LoanRepaidData(Schema):
    loan_id = fields.UUID(required=True)
    group_id = fields.UUID(required=True)
    member_id = fields.UUID(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    village_code = fields.String(required=True)
    amount_thb = _money(personal=True)
    outstanding_thb = _money(personal=True)
    in_arrears = fields.Boolean(required=True)
    closed = fields.Boolean(required=True)
    repaid_at = fields.AwareDateTime(required=True)
    repaid_on = fields.Date(required=True)


class LoanOverdueData(Schema):
    loan_id = fields.UUID(required=True)
    group_id = fields.UUID(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    village_code = fields.String(required=True)
    bucket = fields.String(required=True, validate=validate.OneOf(BUCKETS))
    days_overdue = fields.Integer(required=True)
    arrears_thb = _money(personal=True)
    as_of = fields.Date(required=True)


class LoanWrittenOffData(Schema):
    loan_id = fields.UUID(required=True)
    group_id = fields.UUID(required=True)
    member_id = fields.UUID(required=True)
    household_id = fields.UUID(required=True, allow_none=True)
    village_code = fields.String(required=True)
    amount_thb = _money(personal=True)
    written_off_at = fields.AwareDateTime(required=True)
    written_off_on = fields.Date(required=True)


IDS = {
    "household_id": "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10",
    "group_id": "5d1c2a8e-7b7f-4f0e-9a43-3c1e2f0b9d21",
    "member_id": "8e2f4b1c-6a3d-4e5f-8b7a-9c0d1e2f3a4b",
    "loan_id": "a7c3e9f1-2b4d-4c6e-8f0a-1b3d5f7a9c2e",
    "intervention_id": "c4e6a8b0-1d3f-4a5c-9e7b-2d4f6a8c0e1b",
}

FUNDING_ACCESS_GRANTED = EventContract(
    "funding_access_granted",
    1,
    FundingAccessGrantedData,
    example={
        **{k: IDS[k] for k in ("household_id", "intervention_id", "group_id", "member_id")},
        "village_code": "24010101",
    },
)
FUNDING_ACCESS_DECLINED = EventContract(
    "funding_access_declined",
    1,
    FundingAccessDeclinedData,
    example={
        **{k: IDS[k] for k in ("household_id", "intervention_id")},
        "village_code": "24010101",
        "reason": "no savings group in the household's district",
    },
)
LOAN_DISBURSED = EventContract(
    "loan_disbursed",
    1,
    LoanDisbursedData,
    example={
        **IDS,
        "village_code": "24010101",
        "amount_thb": "5000.00",
        "disbursed_at": "2026-11-21T03:00:00+00:00",
        "disbursed_on": "2026-11-21",
    },
)
LOAN_REPAID = EventContract(
    "loan_repaid",
    1,
    LoanRepaidData,
    example={
        **{k: IDS[k] for k in ("loan_id", "group_id", "member_id", "household_id")},
        "village_code": "24010101",
        "amount_thb": "450.00",
        "outstanding_thb": "4583.33",
        "in_arrears": False,
        "closed": False,
        "repaid_at": "2026-12-21T04:30:00+00:00",
        "repaid_on": "2026-12-21",
    },
)
LOAN_OVERDUE = EventContract(
    "loan_overdue",
    1,
    LoanOverdueData,
    example={
        **{k: IDS[k] for k in ("loan_id", "group_id", "household_id")},
        "village_code": "24010101",
        "bucket": "31-60",
        "days_overdue": 31,
        "arrears_thb": "966.67",
        "as_of": "2027-01-22",
    },
)
LOAN_WRITTEN_OFF = EventContract(
    "loan_written_off",
    1,
    LoanWrittenOffData,
    example={
        **{k: IDS[k] for k in ("loan_id", "group_id", "member_id", "household_id")},
        "village_code": "24010101",
        "amount_thb": "4166.67",
        "written_off_at": "2027-04-01T02:00:00+00:00",
        "written_off_on": "2027-04-01",
    },
)

PUBLISHED = [
    FUNDING_ACCESS_GRANTED,
    FUNDING_ACCESS_DECLINED,
    LOAN_DISBURSED,
    LOAN_REPAID,
    LOAN_OVERDUE,
    LOAN_WRITTEN_OFF,
]
