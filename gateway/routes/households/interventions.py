"""Interventions: request one for a household, move it on, list them."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, with_etag
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.households.schemas.interventions import (
    InterventionOut,
    RequestIntervention,
    UpdateIntervention,
)

INTERVENTIONS = HOUSEHOLD + "/interventions"


class InterventionRoutes(HouseholdsCalls):
    @api(
        "GET",
        INTERVENTIONS,
        summary="The household's interventions",
        responses={200: page_of(InterventionOut, "InterventionList")},
        tags=HOUSEHOLDS,
        operation="households.interventions.list",
    )
    def list_interventions(self, request: Request, household_id: str, caller: Caller) -> Response:
        return json_response(self._households("list_interventions", caller, household_id))

    @api(
        "POST",
        INTERVENTIONS,
        summary="Request an intervention (training, funding access, referral, in kind)",
        body=RequestIntervention,
        responses={201: InterventionOut},
        tags=HOUSEHOLDS,
        operation="households.interventions.request",
    )
    def request_intervention(self, request: Request, household_id: str, caller: Caller) -> Response:
        item = self._households("request_intervention", caller, household_id, keyed(request))
        return with_etag(item, 201, f"/api/v1/households/{household_id}/interventions")

    @api(
        "PATCH",
        INTERVENTIONS + "/<string:intervention_id>",
        summary="Move an intervention on (If-Match)",
        body=UpdateIntervention,
        responses={200: InterventionOut},
        tags=HOUSEHOLDS,
        operation="households.interventions.update",
        if_match="required",
    )
    def update_intervention(
        self, request: Request, household_id: str, intervention_id: str, caller: Caller
    ) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(
            self._households(
                "update_intervention", caller, household_id, intervention_id, body, version
            )
        )
