"""Field helpers shared by the households schemas (the value kinds themselves: infra.fields)."""

from __future__ import annotations

from marshmallow import fields, validate

from infra.fields import Money


def money(**kwargs: object) -> Money:
    return Money(**kwargs)  # type: ignore[arg-type]


def money_out(**kwargs: object) -> fields.Decimal:
    return fields.Decimal(as_string=True, **kwargs)


def client_key() -> fields.String:
    return fields.String(load_default=None, validate=validate.Regexp(r"^[A-Za-z0-9._:-]{8,64}\Z"))
