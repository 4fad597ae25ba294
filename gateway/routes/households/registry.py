"""The registry: register, list, read and correct households."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import (
    body_object,
    expected_version,
    keyed,
    page_response,
    query_of,
    with_etag,
)
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.households.schemas.registry import (
    CaseOut,
    HouseholdOut,
    HouseholdSummaryOut,
    ListHouseholds,
    RegisterHousehold,
    UpdateHousehold,
)

Created = Schema.from_dict({"id": fields.String(), "version": Integer()}, name="Created")
LIST_FILTERS = (
    "area",
    "stage",
    "team_id",
    "fails_income",
    "min_failed_indicators",
    "overdue",
    "plan_waiting",
    "risk",
    "order",
    "after",
    "limit",
)


class RegistryRoutes(HouseholdsCalls):
    @api(
        "POST",
        "/api/v1/households",
        summary="Register a household",
        body=RegisterHousehold,
        responses={201: Created},
        tags=HOUSEHOLDS,
        operation="households.register",
    )
    def register_household(self, request: Request, caller: Caller) -> Response:
        created = self._households("register_household", caller, keyed(request))
        return with_etag(created, 201, f"/api/v1/households/{created['id']}")

    @api(
        "GET",
        "/api/v1/households",
        summary="Households the caller may see, filtered",
        query=ListHouseholds,
        responses={200: page_of(HouseholdSummaryOut, "HouseholdPage")},
        tags=HOUSEHOLDS,
        operation="households.list",
    )
    def list_households(self, request: Request, caller: Caller) -> Response:
        query = query_of(request, *LIST_FILTERS)
        return page_response(request, self._households("list_households", caller, query))

    @api(
        "GET",
        HOUSEHOLD,
        summary="One household, with its recorded transitions",
        responses={200: CaseOut},
        tags=HOUSEHOLDS,
        operation="households.get",
    )
    def get_household(self, request: Request, household_id: str, caller: Caller) -> Response:
        return with_etag(self._households("get_household", caller, household_id))

    @api(
        "PATCH",
        HOUSEHOLD,
        summary="Correct income, size or house number (If-Match)",
        body=UpdateHousehold,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.update",
        if_match="required",
    )
    def update_household(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("update_household", caller, household_id, body, version))
