"""Care: the household's follow-up visits."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import keyed, query_of
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.households.schemas.care import ListVisits, LogVisit, VisitOut


class CareRoutes(HouseholdsCalls):
    @api(
        "GET",
        HOUSEHOLD + "/visits",
        summary="The household's visits, newest first",
        query=ListVisits,
        responses={200: page_of(VisitOut, "VisitList")},
        tags=HOUSEHOLDS,
        operation="households.visits.list",
    )
    def list_visits(self, request: Request, household_id: str, caller: Caller) -> Response:
        query = query_of(request, "limit")
        return json_response(self._households("list_visits", caller, household_id, query))

    @api(
        "POST",
        HOUSEHOLD + "/visits",
        summary="Log a follow-up visit",
        body=LogVisit,
        responses={201: VisitOut},
        tags=HOUSEHOLDS,
        operation="households.visits.log",
    )
    def log_visit(self, request: Request, household_id: str, caller: Caller) -> Response:
        visit = self._households("log_visit", caller, household_id, keyed(request))
        return json_response(visit, 201)
