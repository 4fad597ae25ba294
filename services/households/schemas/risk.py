"""Risk payloads: the lists' `risk` filter and a case's assessment as the case read shows it."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields

from infra.fields import Integer
from services.households.vocabulary import RISK_LEVELS as LEVELS
from services.households.vocabulary import RISK_SIGNALS as SIGNALS

_LEVEL = "|".join(LEVELS)
LEVELS_MESSAGE = "must be risk levels separated by commas, each one of low, medium, high, critical"


class RiskLevels(fields.String):
    """`high,critical`: one or more risk levels, read as a tuple without repeats."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "pattern": f"^({_LEVEL})(,({_LEVEL}))*$",
            "description": "risk levels separated by commas, e.g. high,critical",
            "example": "high,critical",
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> tuple[str, ...]:
        text = super()._deserialize(value, attr, data, **kwargs)
        levels = text.split(",")
        if len(text) > 60 or not all(level in LEVELS for level in levels):
            raise ValidationError(LEVELS_MESSAGE)
        return tuple(dict.fromkeys(levels))


class RiskOut(Schema):
    """What the case's level was assessed on, and when."""

    level = fields.String(metadata={"enum": list(LEVELS)})
    points = Integer()
    signals = fields.List(fields.String(metadata={"enum": list(SIGNALS)}))
    missed_visits = Integer()
    loans_in_arrears = Integer()
    arrears_days = Integer()
    income_fall_percent = Integer()
    bmn_worsened = Integer()
    assessed_at = fields.AwareDateTime(allow_none=True)
