"""Outside systems' subscriptions and the events they replay."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.catalogue import event_types
from infra.fields import AreaCode, Integer, Line, WebAddress
from services.notifications.schemas.common import Page

EVENT_TYPES = sorted(event_types())


def _types(**kwargs: object) -> fields.List:
    one = fields.String(validate=validate.OneOf(EVENT_TYPES))
    return fields.List(one, validate=validate.Length(1, len(EVENT_TYPES)), **kwargs)  # type: ignore[arg-type]


def _areas(**kwargs: object) -> fields.List:
    return fields.List(AreaCode(), validate=validate.Length(max=50), **kwargs)  # type: ignore[arg-type]


class SubscriptionIn(Schema):
    name = Line(1, 200, required=True)
    url = WebAddress(required=True)
    event_types = _types(required=True)
    areas = _areas(load_default=[])
    personal_data = fields.Boolean(load_default=False)
    active = fields.Boolean(load_default=True)


class SubscriptionChange(Schema):
    name = Line(1, 200)
    url = WebAddress()
    event_types = _types()
    areas = _areas()
    personal_data = fields.Boolean()
    active = fields.Boolean()


class SubscriptionOut(Schema):
    id = fields.String()
    name = fields.String()
    url = fields.String()
    event_types = fields.List(fields.String())
    areas = fields.List(fields.String())
    personal_data = fields.Boolean()
    active = fields.Boolean()
    created_by = fields.String()
    created_at = fields.AwareDateTime()
    version = Integer()


class SubscriptionWithSecret(SubscriptionOut):
    secret = fields.String(metadata={"description": "shown once: on creation and on rotation"})


class ListSubscriptions(Page):
    pass


class ListSubscriptionDeliveries(Page):
    status = fields.String(validate=validate.OneOf(["pending", "sent", "parked"]))


class ListEvents(Schema):
    after = Integer(load_default=0, validate=validate.Range(0, 2**31 - 1))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))
    types = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)), load_default=[])
    area = AreaCode()
    subscription_id = Line(1, 36)


class EventOut(Schema):
    cursor = fields.String()
    event_id = fields.String()
    event_type = fields.String()
    version = Integer()
    occurred_at = fields.String()
    source = fields.String()
    correlation_id = fields.String(allow_none=True)
    area_code = fields.String(allow_none=True)
    data = fields.Dict()
