"""The case: as a field worker opens it, its consent and the stage moves."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, query_of, with_etag
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from infra.caller import Caller
from services.households.schemas.case import CaseQuery, CaseViewOut, ChangeStage, RecordConsent
from services.households.schemas.registry import HouseholdOut


class CaseRoutes(HouseholdsCalls):
    @api(
        "GET",
        HOUSEHOLD + "/case",
        summary="The case as a field worker opens it: household, "
        "current plan, latest visits, interventions",
        query=CaseQuery,
        responses={200: CaseViewOut},
        tags=HOUSEHOLDS,
        operation="households.case.get",
    )
    def get_case(self, request: Request, household_id: str, caller: Caller) -> Response:
        case = self._households("get_case", caller, household_id, query_of(request, "visits"))
        return json_response(case, headers={"ETag": f'"{case["household"]["version"]}"'})

    @api(
        "POST",
        HOUSEHOLD + "/consent",
        summary="Record informed consent, yes or no (If-Match)",
        body=RecordConsent,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.consent.record",
        if_match="required",
    )
    def record_consent(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("record_consent", caller, household_id, body, version))

    @api(
        "POST",
        HOUSEHOLD + "/stage",
        summary="Move the case by hand: manage/care, moved, deceased, merged (If-Match)",
        body=ChangeStage,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.stage.change",
        if_match="required",
    )
    def change_stage(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("change_stage", caller, household_id, body, version))
