"""The households audit trail: a household's, a plan's and an intervention's history (the
search over every service is gateway/routes/audit.py). Entries are only read here."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import AUDIT_ENTRIES as ENTRIES
from infra.caller import Caller
from services.households.schemas.audit import ListHistory


class HistoryRoutes(HouseholdsCalls):
    @api(
        "GET",
        HOUSEHOLD + "/history",
        summary="Who changed the household and its case, when and why, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=HOUSEHOLDS,
        operation="households.history",
    )
    def household_history(self, request: Request, household_id: str, caller: Caller) -> Response:
        query = query_of(request, "after", "limit")
        found = self._households("household_history", caller, household_id, query)
        return page_response(request, found)

    @api(
        "GET",
        HOUSEHOLD + "/plans/<string:plan_id>/history",
        summary="Who drafted, edited, submitted, returned or approved a plan, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=HOUSEHOLDS,
        operation="plans.history",
    )
    def plan_history(
        self, request: Request, household_id: str, plan_id: str, caller: Caller
    ) -> Response:
        return self._object_history(request, caller, household_id, ("plan", plan_id))

    @api(
        "GET",
        HOUSEHOLD + "/interventions/<string:intervention_id>/history",
        summary="Who recorded and moved an intervention, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=HOUSEHOLDS,
        operation="interventions.history",
    )
    def intervention_history(
        self, request: Request, household_id: str, intervention_id: str, caller: Caller
    ) -> Response:
        target = ("intervention", intervention_id)
        return self._object_history(request, caller, household_id, target)

    def _object_history(
        self, request: Request, caller: Caller, household_id: str, target: tuple[str, str]
    ) -> Response:
        query = query_of(request, "after", "limit")
        found = self._households("object_history", caller, household_id, *target, query)
        return page_response(request, found)
