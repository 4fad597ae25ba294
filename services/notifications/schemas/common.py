"""What every list query of this service reads."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer


class Page(Schema):
    after = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))
