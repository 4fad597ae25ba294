"""Households' funding-access requests routed to a savings group."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.funding.base import FUNDING, GROUP, PAGING, REQUEST, FundingCalls, Maybe, Thb
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.access import Decision, RequestQuery


class FundingRequestOut(Schema):
    id = fields.String()
    household_id = fields.String()
    intervention_id = fields.String()
    village_code = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    amount_thb = Thb()
    purpose = fields.String()
    term_months = Integer()
    status = fields.String()
    group_id = Maybe()
    member_id = Maybe()
    loan_id = Maybe()
    reason = Maybe()
    decided_by = Maybe()
    decided_at = Maybe()
    requested_at = Maybe()
    version = Integer()


RequestPage = page_of(FundingRequestOut, "FundingRequestPage")


class AccessRoutes(FundingCalls):
    @api(
        "GET",
        GROUP + "/funding-requests",
        summary="Households' funding-access requests routed to the group",
        query=RequestQuery,
        responses={200: RequestPage},
        tags=FUNDING,
        operation="savings_groups.funding_requests.list",
    )
    def list_funding_requests(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        names = ("status", *PAGING)
        return self._funding_page(
            request, "list_funding_requests", caller, savings_group_id, names=names
        )

    @api(
        "GET",
        REQUEST,
        summary="One funding-access request",
        responses={200: FundingRequestOut},
        tags=FUNDING,
        operation="funding_requests.get",
    )
    def get_funding_request(
        self, request: Request, funding_request_id: str, caller: Caller
    ) -> Response:
        return with_etag(self._funding("get_funding_request", caller, funding_request_id))

    @api(
        "POST",
        REQUEST + "/decision",
        summary="The committee accepts (enrolling the household) or declines, with a reason "
        "(If-Match)",
        body=Decision,
        responses={200: FundingRequestOut},
        tags=FUNDING,
        operation="funding_requests.decide",
        if_match="required",
    )
    def decide_funding_request(
        self, request: Request, funding_request_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(
            self._funding("decide_funding_request", caller, funding_request_id, body, version)
        )
