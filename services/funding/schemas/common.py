"""What every funding schema shares: one loader, ids, client keys, pages, money and dates out,
and answers built by functions as schemas (`answered_by`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Money
from infra.fields import Text as Text
from infra.validation import load
from services.funding.vocabulary import amount_problem

_INSTANCES: dict[type[Schema], Schema] = {}


def parse(schema: type[Schema], payload: Any) -> Any:
    """`infra.validation.load` with one instance per schema (building one costs more than
    loading a payload with it; schemas keep no state between loads)."""
    instance = _INSTANCES.get(schema) or _INSTANCES.setdefault(schema, schema())
    return load(instance, payload)


CLIENT_KEY = validate.Regexp(r"^[A-Za-z0-9._:-]{1,100}\Z", error="1-100 letters, digits or ._:-")


class Id(fields.UUID):
    """A UUID, handed on as its canonical string."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        return str(super()._deserialize(value, attr, data, **kwargs))


def Amount(**kwargs: Any) -> Money:  # a field factory, read like a field
    """A payable amount: more than zero, exact to the satang."""
    return Money(required=True, check=amount_problem, payable=True, **kwargs)


class Page(Schema):
    after = fields.String(load_default=None, allow_none=True)
    limit = Integer(load_default=50, validate=validate.Range(1, 200))


class Resendable(Schema):
    client_key = fields.String(load_default=None, allow_none=True, validate=CLIENT_KEY)


def thb(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def answered_by(render: Callable[[Any], dict[str, Any]]) -> type[Schema]:
    """A schema whose dump is `render`, for `infra.validation.listed`: funding builds its answers
    with functions (the `*_out` of each subject; the gateway documents them), not schemas."""

    class Answer(Schema):
        def dump(self, obj: Any, *, many: bool | None = None) -> Any:
            if self.many if many is None else many:
                return [render(item) for item in obj]
            return render(obj)

    return Answer
