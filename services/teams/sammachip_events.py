"""Events of the Sammachip programme records (targets, sub-district plans, what groups became);
listed in `services.teams.events.PUBLISHED` with the others (docs/EVENTS.md)."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from services.teams.vocabulary import METRICS, OTOP_CATEGORIES

PERSON_ID = "6f1c2b7e-0b1a-4f4e-9d5a-3c2d1e0f9a8b"
GROUP_ID = "3a4b5c6d-7e8f-4a9b-8c7d-6e5f4a3b2c1d"
AT = "2026-11-21T03:00:00+00:00"


TargetValues = Schema.from_dict(
    {metric: fields.Integer(required=True, allow_none=True) for metric in METRICS},
    name="TargetValues",
)


class TargetsSetData(Schema):
    area_code = fields.String(required=True)
    fiscal_year = fields.Integer(required=True)  # Buddhist era, 1 Oct - 30 Sep
    targets = fields.Nested(TargetValues, required=True)
    set_by = fields.String(required=True)
    set_at = fields.AwareDateTime(required=True)
    version = fields.Integer(required=True)


class CommunityPlanData(Schema):
    plan_id = fields.UUID(required=True)
    tambon_code = fields.String(required=True)
    fiscal_year = fields.Integer(required=True)
    livelihood_development = fields.Boolean(required=True)
    adopted_by_local_government = fields.Boolean(required=True)
    recorded_by = fields.String(required=True)
    recorded_at = fields.AwareDateTime(required=True)
    version = fields.Integer(required=True)


class OtopProductData(Schema):
    group_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    name = fields.String(required=True)
    category = fields.String(required=True, validate=validate.OneOf(OTOP_CATEGORIES))
    stars = fields.Integer(required=True, allow_none=True)
    recorded_at = fields.AwareDateTime(required=True)


class GroupReportedData(Schema):
    group_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    period = fields.Date(required=True)  # the first day of the month reported
    operating = fields.Boolean(required=True)
    income_thb = fields.Decimal(
        required=True, as_string=True, places=2
    )  # the group's, not a person's
    reported_at = fields.AwareDateTime(required=True)
    version = fields.Integer(required=True)


_TARGETS = dict.fromkeys(METRICS, None) | {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group": 62,
    "subdistrict_plans_used": 73,
}
SAMMACHIP_TARGETS_SET = EventContract(
    "sammachip_targets_set",
    1,
    TargetsSetData,
    {
        "area_code": "94",
        "fiscal_year": 2570,
        "targets": _TARGETS,
        "set_by": PERSON_ID,
        "set_at": AT,
        "version": 1,
    },
)
COMMUNITY_PLAN_RECORDED = EventContract(
    "community_plan_recorded",
    1,
    CommunityPlanData,
    {
        "plan_id": "7c6b5a49-3827-4a16-9504-f3e2d1c0b9a8",
        "tambon_code": "940101",
        "fiscal_year": 2570,
        "livelihood_development": True,
        "adopted_by_local_government": False,
        "recorded_by": PERSON_ID,
        "recorded_at": AT,
        "version": 1,
    },
)
OTOP_PRODUCT_RECORDED = EventContract(
    "otop_product_recorded",
    1,
    OtopProductData,
    {
        "group_id": GROUP_ID,
        "village_code": "94010101",
        "name": "ผ้าบาติกลายปลา",
        "category": "textile_and_garment",
        "stars": 3,
        "recorded_at": AT,
    },
)
GROUP_REPORTED = EventContract(
    "occupation_group_reported",
    1,
    GroupReportedData,
    {
        "group_id": GROUP_ID,
        "village_code": "94010101",
        "period": "2026-11-01",
        "operating": True,
        "income_thb": "12500.00",
        "reported_at": AT,
        "version": 1,
    },
)

SAMMACHIP_PUBLISHED = [
    SAMMACHIP_TARGETS_SET,
    COMMUNITY_PLAN_RECORDED,
    OTOP_PRODUCT_RECORDED,
    GROUP_REPORTED,
]
