"""Targeting: the poor households of an area for a survey year."""

from __future__ import annotations

from marshmallow import Schema
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object
from gateway.routes.households.base import HOUSEHOLDS, HouseholdsCalls
from infra.caller import Caller
from infra.fields import Integer
from services.households.schemas.targeting import TargetHouseholds

Targeted = Schema.from_dict(
    {"assessed": Integer(), "targeted": Integer(), "survey_year": Integer()},
    name="TargetingResult",
)


class TargetingRoutes(HouseholdsCalls):
    @api(
        "POST",
        "/api/v1/targeting",
        summary="Target the poor households of an area for a survey year",
        body=TargetHouseholds,
        responses={200: Targeted},
        tags=HOUSEHOLDS,
        operation="households.target",
    )
    def target_households(self, request: Request, caller: Caller) -> Response:
        return json_response(self._households("target_households", caller, body_object(request)))
