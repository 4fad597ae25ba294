"""Funding access: a list query, the committee's decision, and a request as answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from services.funding.schemas.common import Id, Page, Text, answered_by, iso, thb

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.access import FundingRequest


class RequestQuery(Page):
    status = fields.String(
        load_default=None, validate=validate.OneOf(["pending", "granted", "declined"])
    )


class Decision(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["accept", "decline"]))
    reason = Text(1, 500, load_default=None, allow_none=True)
    member_id = Id(load_default=None, allow_none=True)
    openapi_rules = {  # what _declining_says_why checks
        "if": {"properties": {"decision": {"const": "decline"}}},
        "then": {"required": ["reason"], "properties": {"reason": {"type": "string"}}},
    }

    @validates_schema
    def _declining_says_why(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("decision") == "decline" and not data.get("reason"):
            raise ValidationError("say why the request is declined", "reason")


def request_out(request: FundingRequest) -> dict[str, Any]:
    applicant, need = request.applicant, request.need
    return {
        "id": request.id,
        "household_id": applicant.household_id,
        "intervention_id": applicant.intervention_id,
        "village_code": applicant.village_code,
        "first_name": applicant.first_name,
        "last_name": applicant.last_name,
        "amount_thb": thb(need.amount),
        "purpose": need.purpose,
        "term_months": need.term_months,
        "status": request.status.value,
        "group_id": request.group_id,
        "member_id": request.member_id,
        "loan_id": request.loan_id,
        "reason": request.reason,
        "decided_by": request.decided_by,
        "decided_at": iso(request.decided_at),
        "requested_at": iso(request.requested_at),
        "version": request.version,
    }


RequestAnswer = answered_by(request_out)
