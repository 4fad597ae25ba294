"""A meeting's collection sheet, portfolios with arrears ageing, households' funding-access
requests, and the arrears job run by hand."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, query_of, with_etag
from gateway.routes.funding import schemas as out
from gateway.routes.funding.base import (
    FUNDING,
    GROUP,
    NETWORK,
    PAGING,
    REQUEST,
    FundingCalls,
)
from infra.caller import Caller
from services.funding.schemas.access import Decision, RequestQuery
from services.funding.schemas.arrears import AsOf, RunAsOf
from services.funding.schemas.repayments import CollectionSheetIn


class MeetingRoutes(FundingCalls):
    @api(
        "POST",
        GROUP + "/collection-sheets",
        summary="Post a meeting's deposits and repayments: all lines or none; a resend with the "
        "same client_key gets the first answer",
        body=CollectionSheetIn,
        responses={201: out.SheetOut},
        tags=FUNDING,
        operation="savings_groups.collection_sheets.post",
    )
    def post_collection_sheet(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        sheet = self._funding("post_collection_sheet", caller, savings_group_id, keyed(request))
        return json_response(sheet, 201)

    @api(
        "GET",
        GROUP + "/portfolio",
        summary="Loans outstanding, arrears ageing (1-30, 31-60, 61-90, over 90 days) and "
        "portfolio at risk",
        query=AsOf,
        responses={200: out.GroupPortfolioOut},
        tags=FUNDING,
        operation="savings_groups.portfolio.get",
    )
    def savings_group_portfolio(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        query = query_of(request, "as_of")
        return json_response(self._funding("group_portfolio", caller, savings_group_id, query))

    @api(
        "GET",
        NETWORK + "/portfolio",
        summary="The network's portfolio over all its groups",
        query=AsOf,
        responses={200: out.NetworkPortfolioOut},
        tags=FUNDING,
        operation="savings_networks.portfolio.get",
    )
    def network_portfolio(self, request: Request, network_id: str, caller: Caller) -> Response:
        query = query_of(request, "as_of")
        return json_response(self._funding("network_portfolio", caller, network_id, query))

    @api(
        "GET",
        GROUP + "/funding-requests",
        summary="Households' funding-access requests routed to the group",
        query=RequestQuery,
        responses={200: out.RequestPage},
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
        responses={200: out.FundingRequestOut},
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
        responses={200: out.FundingRequestOut},
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

    @api(
        "POST",
        "/api/v1/arrears-runs",
        summary="Run the daily arrears job now (administrators; safe to run twice)",
        body=RunAsOf,
        responses={200: out.ArrearsRunOut},
        tags=FUNDING,
        operation="arrears_runs.start",
    )
    def run_arrears_job(self, request: Request, caller: Caller) -> Response:
        return json_response(self._funding("run_arrears_job", caller, body_object(request)))
