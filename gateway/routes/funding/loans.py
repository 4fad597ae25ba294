"""Members' savings and loans: deposits, withdrawals, application, maker-checker approval,
disbursement, repayments, write-off, and the repayment schedule."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, with_etag
from gateway.routes.funding import schemas as out
from gateway.routes.funding.base import (
    FUNDING,
    GROUP,
    LOAN,
    MEMBER,
    PAGING,
    FundingCalls,
)
from infra.caller import Caller
from services.funding.schemas.loans import LoanApplication, LoanQuery, OnDay, Reason
from services.funding.schemas.members import Movement
from services.funding.schemas.repayments import WriteOff


class LoanRoutes(FundingCalls):
    @api(
        "GET",
        MEMBER,
        summary="One member: savings balance and how much they may borrow",
        responses={200: out.SavingsMemberOut},
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
        responses={201: out.MovementOut},
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
        responses={201: out.MovementOut},
        tags=FUNDING,
        operation="savings_members.withdraw",
    )
    def withdraw_savings(self, request: Request, member_id: str, caller: Caller) -> Response:
        return json_response(self._funding("withdraw", caller, member_id, keyed(request)), 201)

    @api(
        "POST",
        MEMBER + "/loans",
        summary="Record a loan application (the recorder may not approve it)",
        body=LoanApplication,
        responses={201: out.LoanOut},
        tags=FUNDING,
        operation="savings_members.loans.apply",
    )
    def apply_for_loan(self, request: Request, member_id: str, caller: Caller) -> Response:
        loan = self._funding("apply_for_loan", caller, member_id, keyed(request))
        return with_etag(loan, 201, f"/api/v1/loans/{loan['id']}")

    @api(
        "GET",
        GROUP + "/loans",
        summary="The group's loans, by status or member",
        query=LoanQuery,
        responses={200: out.LoanPage},
        tags=FUNDING,
        operation="savings_groups.loans.list",
    )
    def list_loans(self, request: Request, savings_group_id: str, caller: Caller) -> Response:
        names = ("status", "member_id", *PAGING)
        return self._funding_page(request, "list_loans", caller, savings_group_id, names=names)

    @api(
        "GET",
        LOAN,
        summary="One loan",
        responses={200: out.LoanOut},
        tags=FUNDING,
        operation="loans.get",
    )
    def get_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        return with_etag(self._funding("get_loan", caller, loan_id))

    @api(
        "GET",
        LOAN + "/schedule",
        summary="The repayment schedule, what is paid, payoff today and arrears",
        responses={200: out.ScheduleOut},
        tags=FUNDING,
        operation="loans.schedule.get",
    )
    def loan_schedule(self, request: Request, loan_id: str, caller: Caller) -> Response:
        loan = self._funding("get_loan", caller, loan_id)
        return json_response(
            {
                "loan_id": loan["id"],
                "status": loan["status"],
                "interest_method": loan["interest_method"],
                "outstanding_principal_thb": loan["outstanding_principal_thb"],
                "payoff_thb": loan["payoff_thb"],
                "arrears": loan["arrears"],
                "installments": loan["schedule"],
                "version": loan["version"],
            }
        )

    @api(
        "POST",
        LOAN + "/approval",
        summary="Approve (a committee member other than the recorder; If-Match)",
        responses={200: out.LoanOut},
        tags=FUNDING,
        operation="loans.approve",
        if_match="required",
    )
    def approve_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._funding("approve_loan", caller, loan_id, version))

    @api(
        "POST",
        LOAN + "/rejection",
        summary="Reject an application, with a reason (If-Match)",
        body=Reason,
        responses={200: out.LoanOut},
        tags=FUNDING,
        operation="loans.reject",
        if_match="required",
    )
    def reject_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("reject_loan", caller, loan_id, body, version))

    @api(
        "POST",
        LOAN + "/disbursement",
        summary="Pay out an approved loan; the schedule starts (If-Match)",
        body=OnDay,
        responses={200: out.LoanOut},
        tags=FUNDING,
        operation="loans.disburse",
        if_match="required",
    )
    def disburse_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("disburse_loan", caller, loan_id, body, version))

    @api(
        "POST",
        LOAN + "/repayments",
        summary="A repayment: partial, early or late; interest first, then principal",
        body=Movement,
        responses={201: out.RepaymentOut},
        tags=FUNDING,
        operation="loans.repay",
    )
    def repay_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        return json_response(self._funding("repay_loan", caller, loan_id, keyed(request)), 201)

    @api(
        "POST",
        LOAN + "/write-off",
        summary="Write off what is left of a loan, with a reason (If-Match)",
        body=WriteOff,
        responses={200: out.LoanOut},
        tags=FUNDING,
        operation="loans.write_off",
        if_match="required",
    )
    def write_off_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("write_off_loan", caller, loan_id, body, version))
