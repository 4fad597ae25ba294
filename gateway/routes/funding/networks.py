"""District networks of savings groups."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.funding.base import FUNDING, NETWORK, PAGING, FundingCalls, Maybe
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.common import Page
from services.funding.schemas.networks import NetworkChange, NetworkIn


class NetworkOut(Schema):
    id = fields.String()
    name = fields.String()
    district_code = fields.String()
    officers = fields.List(fields.String())
    may_record = fields.Boolean()
    created_at = Maybe()
    version = Integer()


NetworkPage = page_of(NetworkOut, "SavingsNetworkPage")


class NetworkRoutes(FundingCalls):
    @api(
        "POST",
        "/api/v1/savings-networks",
        summary="Create a district network of savings groups (administrators)",
        body=NetworkIn,
        responses={201: NetworkOut},
        tags=FUNDING,
        operation="savings_networks.create",
    )
    def create_network(self, request: Request, caller: Caller) -> Response:
        network = self._funding("create_network", caller, body_object(request))
        return with_etag(network, 201, f"/api/v1/savings-networks/{network['id']}")

    @api(
        "GET",
        "/api/v1/savings-networks",
        summary="Networks the caller may see",
        query=Page,
        responses={200: NetworkPage},
        tags=FUNDING,
        operation="savings_networks.list",
    )
    def list_networks(self, request: Request, caller: Caller) -> Response:
        return self._funding_page(request, "list_networks", caller, names=PAGING)

    @api(
        "GET",
        NETWORK,
        summary="One network",
        responses={200: NetworkOut},
        tags=FUNDING,
        operation="savings_networks.get",
    )
    def get_network(self, request: Request, network_id: str, caller: Caller) -> Response:
        return with_etag(self._funding("get_network", caller, network_id))

    @api(
        "PUT",
        NETWORK,
        summary="Rename a network or change its officers (If-Match)",
        body=NetworkChange,
        responses={200: NetworkOut},
        tags=FUNDING,
        operation="savings_networks.update",
        if_match="required",
    )
    def update_network(self, request: Request, network_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("update_network", caller, network_id, body, version))
