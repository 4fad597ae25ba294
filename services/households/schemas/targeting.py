"""Targeting payload: the area and survey year whose poor households are targeted."""

from __future__ import annotations

from marshmallow import Schema, validate

from infra.fields import AreaCode, Integer


class TargetHouseholds(Schema):
    area_code = AreaCode(required=True)
    survey_year = Integer(  # a year needs an income threshold (config: HOUSEHOLDS)
        required=True, strict=True, validate=validate.Range(2000, 2100), metadata={"example": 2026}
    )
