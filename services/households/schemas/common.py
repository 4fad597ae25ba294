"""Field helpers shared by the households schemas."""

from __future__ import annotations

from decimal import Decimal

from marshmallow import ValidationError, fields, validate

from infra.money import money_problem

MAX_THB = Decimal("100000000")


def exact_to_satang(value: Decimal) -> None:
    problem = money_problem(value, maximum=MAX_THB)
    if problem:
        raise ValidationError(problem)


def money(**kwargs: object) -> fields.Decimal:
    return fields.Decimal(validate=exact_to_satang, allow_nan=False, **kwargs)


def money_out(**kwargs: object) -> fields.Decimal:
    return fields.Decimal(as_string=True, **kwargs)


def text(size: int, **kwargs: object) -> fields.String:
    return fields.String(validate=validate.Length(1, size), **kwargs)


def expected_version() -> fields.Integer:
    return fields.Integer(required=True, strict=True, validate=validate.Range(min=1))


def client_key() -> fields.String:
    return fields.String(load_default=None, validate=validate.Regexp(r"^[A-Za-z0-9._:-]{8,64}$"))
