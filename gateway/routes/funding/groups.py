"""Savings groups (committee and rules) and their books."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.funding.base import FUNDING, GROUP, PAGING, FundingCalls, Maybe, Thb
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.groups import EntryQuery, GroupChange, GroupIn, GroupQuery


class CommitteeSeatOut(Schema):
    person_id = fields.String()
    role = fields.String()


class GroupRulesOut(Schema):
    min_monthly_saving_thb = Thb()
    annual_interest_rate = Thb()
    interest_method = fields.String()
    max_loan_multiple = Thb()
    max_term_months = Integer()
    min_savings_balance_thb = Thb()


class GroupBooksOut(Schema):
    cash_thb = Thb()
    loans_outstanding_thb = Thb()
    savings_thb = Thb()
    retained_income_thb = Thb()


class GroupBalances(GroupBooksOut):
    group_id = fields.String()
    version = Integer()


class SavingsGroupOut(Schema):
    id = fields.String()
    name = fields.String()
    village_code = fields.String()
    network_id = Maybe()
    committee = fields.List(fields.Nested(CommitteeSeatOut))
    rules = fields.Nested(GroupRulesOut)
    balances = fields.Nested(GroupBooksOut)
    may_record = fields.Boolean()
    created_at = Maybe()
    version = Integer()


class PostingOut(Schema):
    seq = Integer()
    entry_id = fields.String()
    kind = fields.String()
    debit = fields.String()
    credit = fields.String()
    amount_thb = Thb()
    on = fields.String()
    member_id = Maybe()
    loan_id = Maybe()
    sheet_id = Maybe()
    recorded_by = fields.String()
    recorded_at = fields.String()


GroupPage = page_of(SavingsGroupOut, "SavingsGroupPage")
PostingPage = page_of(PostingOut, "LedgerPage")


class GroupRoutes(FundingCalls):
    @api(
        "POST",
        "/api/v1/savings-groups",
        summary="Create a savings-for-production group with its committee and rules",
        body=GroupIn,
        responses={201: SavingsGroupOut},
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
        responses={200: GroupPage},
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
        responses={200: SavingsGroupOut},
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
        responses={200: SavingsGroupOut},
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
        responses={200: GroupBalances},
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
        responses={200: PostingPage},
        tags=FUNDING,
        operation="savings_groups.ledger.get",
    )
    def savings_group_ledger(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        names = ("member_id", "loan_id", *PAGING)
        return self._funding_page(request, "list_entries", caller, savings_group_id, names=names)
