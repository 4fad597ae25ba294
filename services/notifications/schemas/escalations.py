"""Escalations: listing, resolving, and how one is shown."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.fields import AreaCode, Integer, Text
from services.notifications.schemas.common import Page
from services.notifications.vocabulary import KINDS


class ListEscalations(Page):
    status = fields.List(
        fields.String(validate=validate.OneOf(["open", "acknowledged", "resolved", "closed"]))
    )
    kind = fields.String(validate=validate.OneOf(KINDS))
    area_code = AreaCode()
    level = Integer(
        validate=validate.Range(0, 2),
        metadata={
            "description": "the ladder level now: 0 the team's expert, 1 district, 2 province"
        },
    )
    mine = fields.Boolean(load_default=False)


class ResolveEscalation(Schema):
    note = Text(0, 2000, load_default=None, allow_none=True)


class EscalationOut(Schema):
    id = fields.String()
    kind = fields.String()
    subject_id = fields.String()
    household_id = fields.String(allow_none=True)
    team_id = fields.String(allow_none=True)
    area_code = fields.String()
    details = fields.Dict()
    status = fields.String()
    level = Integer()
    opened_at = fields.AwareDateTime(allow_none=True)
    level_since = fields.AwareDateTime(allow_none=True)
    acknowledged_by = fields.String(allow_none=True)
    acknowledged_at = fields.AwareDateTime(allow_none=True)
    resolved_by = fields.String(allow_none=True)
    resolved_at = fields.AwareDateTime(allow_none=True)
    resolution_note = fields.String(allow_none=True)
    closed_at = fields.AwareDateTime(allow_none=True)
    closed_by_event = fields.String(allow_none=True)
    version = Integer()


class EscalationViewOut(EscalationOut):
    """An escalation with the people it is addressed to: a use case's `(escalation, ids)`."""

    addressed_to = fields.List(fields.String())

    @pre_dump
    def _flatten(self, view: tuple[Any, list[str]], **_: Any) -> dict[str, Any]:
        escalation, addressees = view
        return {**vars(escalation), "addressed_to": list(addressees)}
