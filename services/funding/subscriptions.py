"""The funding service's own view of the events it consumes (never the producers' code), and the
use case each one calls."""

from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, validate

from infra.subscriptions import event_and_time, table, versions_of
from services.funding.usecases import access
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


# Every event this service consumes, once: its handlers and their queues are made from this table.
TABLE = table(
    (
        "households",
        "funding_access_requested",
        1,
        FundingAccessRequestedV1,
        event_and_time(access.receive_request),
    ),
)

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = versions_of(TABLE)
