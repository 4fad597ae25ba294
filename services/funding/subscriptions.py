"""The funding service's own view of the events it consumes (never the producers' code)."""

from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, validate

from services.funding.vocabulary import amount_problem


def _payable(value: Decimal) -> None:
    """A request we cannot book (zero, negative, finer than a satang) is parked, not guessed."""
    problem = amount_problem(value)
    if problem:
        raise ValidationError(problem)


class FundingAccessRequestedV1(Schema):
    household_id = fields.UUID(required=True)
    intervention_id = fields.UUID(required=True)
    village_code = fields.String(required=True, validate=validate.Regexp(r"^[0-9]{8}\Z"))
    amount_thb = fields.Decimal(required=True, validate=_payable)
    purpose = fields.String(required=True)
    term_months = fields.Integer(required=True, validate=validate.Range(min=1))
    applicant_first_name = fields.String(required=True)
    applicant_last_name = fields.String(required=True)
    requested_at = fields.AwareDateTime(required=True)


FUNDING_ACCESS_REQUESTED = {1: FundingAccessRequestedV1}

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = {("households", "funding_access_requested"): FUNDING_ACCESS_REQUESTED}
