"""Repayments of loans, one by one or a meeting's collection sheet, and write-offs."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, keyed, with_etag
from gateway.routes.funding.base import FUNDING, GROUP, LOAN, EntryOut, FundingCalls, Maybe, Thb
from gateway.routes.funding.loans import LoanOut
from infra.caller import Caller
from infra.fields import Integer
from services.funding.schemas.members import Movement
from services.funding.schemas.repayments import CollectionSheetIn, WriteOff


class RepaymentOut(EntryOut):
    principal_thb = Thb()
    interest_thb = Thb()
    interest_waived_thb = Thb()
    outstanding_principal_thb = Thb()
    loan_status = fields.String()


class SheetLineOut(Schema):
    line = Integer()
    kind = fields.String()
    entry_id = fields.String()
    amount_thb = Thb()
    member_id = Maybe()
    loan_id = Maybe()
    principal_thb = Thb()
    interest_thb = Thb()
    interest_waived_thb = Thb()


class SheetOut(Schema):
    id = fields.String()
    group_id = fields.String()
    meeting_on = fields.String()
    recorded_by = fields.String()
    posted_at = fields.String()
    deposits_thb = Thb()
    repayments_thb = Thb()
    lines = fields.List(fields.Nested(SheetLineOut))


class RepaymentRoutes(FundingCalls):
    @api(
        "POST",
        GROUP + "/collection-sheets",
        summary="Post a meeting's deposits and repayments: all lines or none; a resend with the "
        "same client_key gets the first answer",
        body=CollectionSheetIn,
        responses={201: SheetOut},
        tags=FUNDING,
        operation="savings_groups.collection_sheets.post",
    )
    def post_collection_sheet(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        sheet = self._funding("post_collection_sheet", caller, savings_group_id, keyed(request))
        return json_response(sheet, 201)

    @api(
        "POST",
        LOAN + "/repayments",
        summary="A repayment: partial, early or late; interest first, then principal",
        body=Movement,
        responses={201: RepaymentOut},
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
        responses={200: LoanOut},
        tags=FUNDING,
        operation="loans.write_off",
        if_match="required",
    )
    def write_off_loan(self, request: Request, loan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        body = body_object(request)
        return with_etag(self._funding("write_off_loan", caller, loan_id, body, version))
