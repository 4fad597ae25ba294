"""Fields the teams payloads share."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate


def person_id(**kwargs: Any) -> fields.String:
    return fields.String(validate=validate.Length(1, 36), **kwargs)


def area(**kwargs: Any) -> fields.String:
    return fields.String(validate=validate.Regexp(r"^\d{2,8}$", error="a DOPA area code"), **kwargs)


def household_ids(most: int, **kwargs: Any) -> fields.List:
    return fields.List(fields.UUID(), validate=validate.Length(max=most), **kwargs)


class PageQuery(Schema):
    after = fields.String(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))
