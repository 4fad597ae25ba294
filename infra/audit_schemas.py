"""Audit entries, the same in every service: an object's history and the audit search per area
and period (the gateway asks every service with these and merges the pages)."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from infra.dates import HAPPENED
from infra.fields import AreaCode, Day, Integer
from infra.fiscal import thai_today as today

LONGEST_SEARCH_DAYS = 366
OBJECT_TYPES = (
    "household",
    "plan",
    "intervention",
    "visit",
    "household_import",
    "targeting_run",
    "team",
    "assignment",
    "person",
    "group_report",
    "savings_group",
    "member",
    "loan",
    "escalation",
)


class ListHistory(Schema):
    after = fields.String(load_default=None, validate=validate.Length(max=400))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))  # a query string


class SearchAudit(ListHistory):
    area = AreaCode(load_default=None, metadata={"description": "default: all the caller's areas"})
    since = Day(
        HAPPENED, load_default=None, metadata={"description": "default: 30 days before until"}
    )
    until = Day(HAPPENED, load_default=None, metadata={"description": "default: today (Bangkok)"})
    object_type = fields.String(
        load_default=None,
        validate=validate.OneOf(OBJECT_TYPES),
        metadata={"description": "default: all"},
    )

    @validates_schema
    def _a_period(self, data: dict[str, Any], **kwargs: Any) -> None:
        since, until = data.get("since"), data.get("until") or today()
        if since is None:
            return
        if until < since:
            raise ValidationError("must not be before since", "until")
        if (until - since).days >= LONGEST_SEARCH_DAYS:
            raise ValidationError("the period is longer than a year", "until")


class AuditEntryOut(Schema):
    id = fields.Integer()
    object_type = fields.String()
    object_id = fields.String()
    area_code = fields.String()
    action = fields.String()
    actor_id = fields.String()
    at = fields.AwareDateTime()
    changes = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.Raw(allow_none=True)),
        metadata={
            "description": "{field: [old, new]}; personal data masked as the object's read masks it"
        },
    )
    reason = fields.String(allow_none=True)
    correlation_id = fields.String(allow_none=True)
