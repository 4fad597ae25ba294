"""Members' loans: application, maker-checker approval, disbursement and the repayment
schedule."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, with_etag
from gateway.routes.funding.base import (
    FUNDING,
    GROUP,
    LOAN,
    MEMBER,
    PAGING,
    FundingCalls,
    Maybe,
    Thb,
)
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.loans import LoanApplication, LoanQuery, OnDay, Reason


class ArrearsOut(Schema):
    days_overdue = Integer()
    bucket = fields.String()
    amount_thb = Thb()
    oldest_due_on = Maybe()


class InstallmentOut(Schema):
    seq = Integer()
    due_on = fields.String()
    principal_thb = Thb()
    interest_thb = Thb()
    principal_paid_thb = Thb()
    interest_paid_thb = Thb()


class LoanOut(Schema):
    id = fields.String()
    group_id = fields.String()
    member_id = fields.String()
    status = fields.String()
    allowed = fields.List(fields.String())
    amount_thb = Thb()
    term_months = Integer()
    purpose = fields.String()
    annual_interest_rate = Thb()
    interest_method = fields.String()
    recorded_by = fields.String()
    applied_at = Maybe()
    decided_by = Maybe()
    decided_at = Maybe()
    decision_reason = Maybe()
    disbursed_on = Maybe()
    closed_on = Maybe()
    outstanding_principal_thb = Thb()
    payoff_thb = Thb(allow_none=True)
    interest_waived_thb = Thb()
    written_off_thb = Thb()
    write_off_reason = Maybe()
    arrears = fields.Nested(ArrearsOut)
    funding_request_id = Maybe()
    household_id = Maybe()
    intervention_id = Maybe()
    schedule = fields.List(fields.Nested(InstallmentOut))
    version = Integer()


class ScheduleOut(Schema):
    loan_id = fields.String()
    status = fields.String()
    interest_method = fields.String()
    outstanding_principal_thb = Thb()
    payoff_thb = Thb(allow_none=True)
    arrears = fields.Nested(ArrearsOut)
    installments = fields.List(fields.Nested(InstallmentOut))
    version = Integer()


LoanPage = page_of(LoanOut, "LoanPage")


class LoanRoutes(FundingCalls):
    @api(
        "POST",
        MEMBER + "/loans",
        summary="Record a loan application (the recorder may not approve it)",
        body=LoanApplication,
        responses={201: LoanOut},
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
        responses={200: LoanPage},
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
        responses={200: LoanOut},
        tags=FUNDING,
        operation="loans.get",
    )
    def get_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        return with_etag(self._funding("get_loan", caller, loan_id))

    @api(
        "GET",
        LOAN + "/schedule",
        summary="The repayment schedule, what is paid, payoff today and arrears",
        responses={200: ScheduleOut},
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
        responses={200: LoanOut},
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
        responses={200: LoanOut},
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
        responses={200: LoanOut},
        tags=FUNDING,
        operation="loans.disburse",
        if_match="required",
    )
    def disburse_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("disburse_loan", caller, loan_id, body, version))
