"""Sammachip targets (per province or district and fiscal year)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.fields import AreaCode, Integer, fiscal_year
from services.teams.vocabulary import MAX_TARGET, METRICS, PERCENT_FIELD

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.targets import Targets


def _count(**kwargs: Any) -> Integer:
    return Integer(validate=validate.Range(0, MAX_TARGET), allow_none=True, **kwargs)


REGISTERED = {  # a rule across two fields, which JSON Schema cannot state
    "description": "at most villages_with_trainer_team, when both are given"
}


class TargetKey(Schema):
    area_code = AreaCode("province", "district", required=True)
    fiscal_year = fiscal_year(required=True)


class TargetPath(Schema):
    """The key as the URL holds it: `/sammachip/targets/{area}/{fiscal_year}`."""

    area = AreaCode("province", "district", required=True)
    fiscal_year = fiscal_year(required=True)


TargetsIn = Schema.from_dict(
    {
        **{metric: _count(load_default=None) for metric in METRICS},
        "villages_with_registered_group": _count(load_default=None, metadata=REGISTERED),
        PERCENT_FIELD: Integer(
            validate=validate.Range(0, 100),
            allow_none=True,
            load_default=None,
            metadata={
                "description": "instead of villages_with_registered_group: a percentage of "
                "villages_with_trainer_team, which must then be given"
            },
        ),
    },
    name="TargetsIn",
)
TargetsIn.openapi_rules = {  # type: ignore[attr-defined]  # what domain/targets.py checks
    "if": {"required": [PERCENT_FIELD], "properties": {PERCENT_FIELD: {"type": "integer"}}},
    "then": {
        "required": ["villages_with_trainer_team"],
        "properties": {
            "villages_with_trainer_team": {"type": "integer"},
            "villages_with_registered_group": {"type": "null"},
        },
    },
}


TargetFields = Schema.from_dict(
    {metric: Integer(allow_none=True) for metric in METRICS}, name="TargetFields"
)


class TargetsOut(TargetFields):  # type: ignore[misc, valid-type]
    area_code = fields.String()
    fiscal_year = Integer()
    set_by = fields.String()
    set_at = fields.AwareDateTime()
    version = Integer()

    @pre_dump
    def _flat(self, targets: Targets, **_: object) -> dict[str, Any]:
        return {**targets.__dict__, **targets.values}
