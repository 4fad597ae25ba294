"""District networks, savings groups (committee and rules), their members and books."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, with_etag
from gateway.routes.funding import schemas as out
from gateway.routes.funding.base import (
    FUNDING,
    GROUP,
    NETWORK,
    PAGING,
    FundingCalls,
)
from infra.caller import Caller
from services.funding.schemas.common import Page
from services.funding.schemas.groups import EntryQuery, GroupChange, GroupIn, GroupQuery
from services.funding.schemas.networks import NetworkChange, NetworkIn


class GroupRoutes(FundingCalls):
    @api(
        "POST",
        "/api/v1/savings-networks",
        summary="Create a district network of savings groups (administrators)",
        body=NetworkIn,
        responses={201: out.NetworkOut},
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
        responses={200: out.NetworkPage},
        tags=FUNDING,
        operation="savings_networks.list",
    )
    def list_networks(self, request: Request, caller: Caller) -> Response:
        return self._funding_page(request, "list_networks", caller, names=PAGING)

    @api(
        "GET",
        NETWORK,
        summary="One network",
        responses={200: out.NetworkOut},
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
        responses={200: out.NetworkOut},
        tags=FUNDING,
        operation="savings_networks.update",
        if_match="required",
    )
    def update_network(self, request: Request, network_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("update_network", caller, network_id, body, version))

    @api(
        "POST",
        "/api/v1/savings-groups",
        summary="Create a savings-for-production group with its committee and rules",
        body=GroupIn,
        responses={201: out.SavingsGroupOut},
        tags=FUNDING,
        operation="savings_groups.create",
    )
    def create_savings_group(self, request: Request, caller: Caller) -> Response:
        group = self._funding("create_group", caller, body_object(request))
        return with_etag(group, 201, f"/api/v1/savings-groups/{group['id']}")

    @api(
        "GET",
        "/api/v1/savings-groups",
        summary="Savings groups the caller may see, by network or area",
        query=GroupQuery,
        responses={200: out.GroupPage},
        tags=FUNDING,
        operation="savings_groups.list",
    )
    def list_savings_groups(self, request: Request, caller: Caller) -> Response:
        names = ("network_id", "area", *PAGING)
        return self._funding_page(request, "list_groups", caller, names=names)

    @api(
        "GET",
        GROUP,
        summary="One group: committee, rules and balances",
        responses={200: out.SavingsGroupOut},
        tags=FUNDING,
        operation="savings_groups.get",
    )
    def get_savings_group(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        return with_etag(self._funding("get_group", caller, savings_group_id))

    @api(
        "PUT",
        GROUP,
        summary="Change a group's name, network, committee or rules (If-Match)",
        body=GroupChange,
        responses={200: out.SavingsGroupOut},
        tags=FUNDING,
        operation="savings_groups.update",
        if_match="required",
    )
    def update_savings_group(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("update_group", caller, savings_group_id, body, version))

    @api(
        "GET",
        GROUP + "/balances",
        summary="The group's books: cash + loans outstanding = savings + retained income",
        responses={200: out.GroupBalances},
        tags=FUNDING,
        operation="savings_groups.balances.get",
    )
    def savings_group_balances(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        group = self._funding("get_group", caller, savings_group_id)
        balances = {"group_id": group["id"], **group["balances"], "version": group["version"]}
        return json_response(balances)

    @api(
        "GET",
        GROUP + "/ledger",
        summary="The group's ledger, one row per transfer, by member or loan",
        query=EntryQuery,
        responses={200: out.PostingPage},
        tags=FUNDING,
        operation="savings_groups.ledger.get",
    )
    def savings_group_ledger(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        names = ("member_id", "loan_id", *PAGING)
        return self._funding_page(request, "list_entries", caller, savings_group_id, names=names)

    @api(
        "GET",
        GROUP + "/members",
        summary="The group's members",
        query=Page,
        responses={200: out.MemberPage},
        tags=FUNDING,
        operation="savings_groups.members.list",
    )
    def list_savings_members(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        return self._funding_page(request, "list_members", caller, savings_group_id, names=PAGING)

    @api(
        "POST",
        GROUP + "/members",
        summary="Enrol a member, optionally linked to a household",
        body=out.SavingsMemberIn,
        responses={201: out.SavingsMemberOut},
        tags=FUNDING,
        operation="savings_groups.members.add",
    )
    def add_savings_member(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        member = self._funding("add_member", caller, savings_group_id, keyed(request))
        return with_etag(member, 201, f"/api/v1/savings-members/{member['id']}")
