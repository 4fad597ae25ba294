"""Payloads of the notifications RPC methods: what callers send and what they get back."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import AreaCode, Integer, Line, Text
from infra.validation import dump
from services.notifications.domain.directory import EXTERNAL_CHANNELS, LANGUAGES
from services.notifications.domain.escalation import KINDS


class Page(Schema):
    after = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))


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
    webhook_url = fields.Url(allow_none=True, schemes={"http", "https"}, require_tld=False)


class ListEscalations(Page):
    status = fields.List(
        fields.String(validate=validate.OneOf(["open", "acknowledged", "resolved", "closed"]))
    )
    kind = fields.String(validate=validate.OneOf(KINDS))
    area_code = AreaCode()
    mine = fields.Boolean(load_default=False)


class ResolveEscalation(Schema):
    note = Text(0, 2000, load_default=None, allow_none=True)


class ListDeliveries(Page):
    status = fields.String(validate=validate.OneOf(["pending", "sent", "parked"]))
    channel = fields.String(validate=validate.OneOf(EXTERNAL_CHANNELS))
    recipient_id = Line(1, 36)
    notification_id = Line(1, 36)


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


def escalation_out(view: tuple[object, list[str]]) -> dict[str, object]:
    escalation, addressees = view
    return {**dump(EscalationOut, escalation), "addressed_to": list(addressees)}
