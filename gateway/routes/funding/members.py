"""A group's members and their savings: enrolment, deposits and withdrawals."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import keyed, with_etag
from gateway.routes.funding.base import (
    FUNDING,
    GROUP,
    MEMBER,
    PAGING,
    EntryOut,
    FundingCalls,
    Maybe,
    Thb,
)
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.common import Page
from services.funding.schemas.members import MemberIn, Movement


class SavingsMemberOut(Schema):
    id = fields.String()
    group_id = fields.String()
    member_no = Integer()
    first_name = fields.String()
    last_name = fields.String()
    household_id = Maybe()
    person_id = Maybe()
    joined_on = Maybe()
    status = fields.String()
    savings_thb = Thb()
    can_borrow_thb = Thb("largest loan the rules allow now")
    version = Integer()


class MovementOut(EntryOut):
    savings_thb = Thb()


class SavingsMemberIn(MemberIn):
    """The service's payload, under a name of its own in the OpenAPI document."""


MemberPage = page_of(SavingsMemberOut, "SavingsMemberPage")


class MemberRoutes(FundingCalls):
    @api(
        "GET",
        GROUP + "/members",
        summary="The group's members",
        query=Page,
        responses={200: MemberPage},
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
        body=SavingsMemberIn,
        responses={201: SavingsMemberOut},
        tags=FUNDING,
        operation="savings_groups.members.add",
    )
    def add_savings_member(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        member = self._funding("add_member", caller, savings_group_id, keyed(request))
        return with_etag(member, 201, f"/api/v1/savings-members/{member['id']}")

    @api(
        "GET",
        MEMBER,
        summary="One member: savings balance and how much they may borrow",
        responses={200: SavingsMemberOut},
        tags=FUNDING,
        operation="savings_members.get",
    )
    def get_savings_member(self, request: Request, member_id: str, caller: Caller) -> Response:
        return with_etag(self._funding("get_member", caller, member_id))

    @api(
        "POST",
        MEMBER + "/deposits",
        summary="A monthly savings deposit (สัจจะ)",
        body=Movement,
        responses={201: MovementOut},
        tags=FUNDING,
        operation="savings_members.deposit",
    )
    def deposit_savings(self, request: Request, member_id: str, caller: Caller) -> Response:
        return json_response(self._funding("deposit", caller, member_id, keyed(request)), 201)

    @api(
        "POST",
        MEMBER + "/withdrawals",
        summary="A withdrawal of savings, within the group's rules",
        body=Movement,
        responses={201: MovementOut},
        tags=FUNDING,
        operation="savings_members.withdraw",
    )
    def withdraw_savings(self, request: Request, member_id: str, caller: Caller) -> Response:
        return json_response(self._funding("withdraw", caller, member_id, keyed(request)), 201)
