"""Portfolios with arrears ageing, and the arrears job run by hand."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, query_of
from gateway.routes.funding.base import FUNDING, GROUP, NETWORK, FundingCalls, Thb
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.arrears import AsOf, RunAsOf


class BucketOut(Schema):
    loans = Integer()
    outstanding_thb = Thb()
    arrears_thb = Thb()


class PortfolioOut(Schema):
    as_of = fields.String()
    loans = Integer()
    outstanding_thb = Thb()
    ageing = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(BucketOut),
        metadata={"description": "by days overdue: current, 1-30, 31-60, 61-90, over-90"},
    )
    portfolio_at_risk_percent = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "PAR1, PAR30, PAR60, PAR90 as percent of outstanding"},
    )


class GroupPortfolioOut(PortfolioOut):
    group_id = fields.String()


class NetworkPortfolioOut(PortfolioOut):
    network_id = fields.String()
    groups = Integer()


class ArrearsRunOut(Schema):
    as_of = fields.String()
    announced = Integer()


class ArrearsRoutes(FundingCalls):
    @api(
        "GET",
        GROUP + "/portfolio",
        summary="Loans outstanding, arrears ageing (1-30, 31-60, 61-90, over 90 days) and "
        "portfolio at risk",
        query=AsOf,
        responses={200: GroupPortfolioOut},
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
        responses={200: NetworkPortfolioOut},
        tags=FUNDING,
        operation="savings_networks.portfolio.get",
    )
    def network_portfolio(self, request: Request, network_id: str, caller: Caller) -> Response:
        query = query_of(request, "as_of")
        return json_response(self._funding("network_portfolio", caller, network_id, query))

    @api(
        "POST",
        "/api/v1/arrears-runs",
        summary="Run the daily arrears job now (administrators; safe to run twice)",
        body=RunAsOf,
        responses={200: ArrearsRunOut},
        tags=FUNDING,
        operation="arrears_runs.start",
    )
    def run_arrears_job(self, request: Request, caller: Caller) -> Response:
        return json_response(self._funding("run_arrears_job", caller, body_object(request)))
