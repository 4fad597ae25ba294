"""The funding service's events, as the notifications service reads them."""

from marshmallow import Schema, fields

Id = fields.String
Area = fields.String


class LoanRepaidV1(Schema):
    loan_id = Id(required=True)
    village_code = Area(required=True)
    in_arrears = fields.Boolean(required=True)
    closed = fields.Boolean(required=True)


class LoanOverdueV1(Schema):
    loan_id = Id(required=True)
    household_id = Id(load_default=None, allow_none=True)
    village_code = Area(required=True)
    bucket = fields.String(required=True)
    days_overdue = fields.Integer(required=True)
    arrears_thb = fields.Decimal(required=True)
    as_of = fields.Date(required=True)


class LoanWrittenOffV1(Schema):
    loan_id = Id(required=True)
    village_code = Area(required=True)
