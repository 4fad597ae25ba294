"""The delivery log (external channels)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Line
from services.notifications.schemas.common import Page
from services.notifications.vocabulary import DELIVERY_CHANNELS


class ListDeliveries(Page):
    status = fields.String(validate=validate.OneOf(["pending", "sent", "parked"]))
    channel = fields.String(validate=validate.OneOf(DELIVERY_CHANNELS))
    recipient_id = Line(1, 36)
    notification_id = Line(1, 36)


class DeliveryOut(Schema):
    id = fields.String()
    notification_id = fields.String()
    recipient_id = fields.String()
    channel = fields.String()
    status = fields.String()
    attempts = Integer()
    next_attempt_at = fields.AwareDateTime()
    last_error = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    sent_at = fields.AwareDateTime(allow_none=True)
