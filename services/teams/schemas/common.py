"""Fields the teams payloads share."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from infra.fields import AreaCode, Integer, Line


def person_id(**kwargs: Any) -> fields.String:
    return Line(1, 36, **kwargs)


def area(**kwargs: Any) -> AreaCode:
    return AreaCode(**kwargs)


class Uuid(fields.UUID):
    """A UUID, checked, and loaded as its text (the form the use cases and the tables hold)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return str(super()._deserialize(value, attr, data, **kwargs))


def household_ids(most: int, fewest: int = 0, **kwargs: Any) -> fields.List:
    return fields.List(Uuid(), validate=validate.Length(fewest, most), **kwargs)


class PageQuery(Schema):
    after = fields.String(load_default=None)
    limit = Integer(load_default=50, validate=validate.Range(1, 200))
