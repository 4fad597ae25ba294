"""The caller's inbox and delivery preferences."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Line, WebAddress
from services.notifications.schemas.common import Page
from services.notifications.vocabulary import EXTERNAL_CHANNELS, LANGUAGES


class ListInbox(Page):
    unread_only = fields.Boolean(load_default=False)
    recipient_id = Line(1, 36)  # administrators only


class QuietHoursIn(Schema):
    start = fields.Time(required=True, format="%H:%M")
    end = fields.Time(required=True, format="%H:%M")


class UpdatePreferences(Schema):
    channels = fields.List(
        fields.String(validate=validate.OneOf(EXTERNAL_CHANNELS)), allow_none=True
    )
    quiet_hours = fields.Nested(QuietHoursIn, allow_none=True)
    language = fields.String(validate=validate.OneOf(LANGUAGES))
    digest = fields.Boolean()
    webhook_url = WebAddress(allow_none=True)


class NotificationOut(Schema):
    id = fields.String()
    kind = fields.String()
    subject_id = fields.String()
    area_code = fields.String()
    escalation_id = fields.String(allow_none=True)
    title = fields.String()
    body = fields.String()
    created_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)


class PreferencesOut(Schema):
    person_id = fields.String()
    display_name = fields.String()
    language = fields.String()
    channels = fields.Function(lambda p: None if p.channels is None else list(p.channels))
    reachable_on = fields.Function(lambda p: p.delivery_channels())
    quiet_hours = fields.Function(
        lambda p: p.quiet_hours
        and {
            "start": p.quiet_hours.start.strftime("%H:%M"),
            "end": p.quiet_hours.end.strftime("%H:%M"),
        }
    )
    digest = fields.Boolean()
    webhook_url = fields.String(allow_none=True)
    version = Integer()
