"""The funding audit trail: a savings group's, a member's and a loan's history. Entries are only
read here: no route changes or removes one."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.routes.funding.base import FUNDING, GROUP, LOAN, MEMBER, PAGING, FundingCalls
from gateway.schemas import AUDIT_ENTRIES
from infra.audit_schemas import ListHistory
from infra.caller import Caller


class FundingHistoryRoutes(FundingCalls):
    @api(
        "GET",
        GROUP + "/history",
        summary="Who registered and changed the savings group, newest first",
        query=ListHistory,
        responses={200: AUDIT_ENTRIES},
        tags=FUNDING,
        operation="savings_groups.history",
    )
    def savings_group_history(
        self, request: Request, savings_group_id: str, caller: Caller
    ) -> Response:
        return self._history(request, caller, "savings_group", savings_group_id)

    @api(
        "GET",
        MEMBER + "/history",
        summary="Who enrolled the member and moved their savings, newest first",
        query=ListHistory,
        responses={200: AUDIT_ENTRIES},
        tags=FUNDING,
        operation="savings_members.history",
    )
    def member_history(self, request: Request, member_id: str, caller: Caller) -> Response:
        return self._history(request, caller, "member", member_id)

    @api(
        "GET",
        LOAN + "/history",
        summary="Who applied for, decided, disbursed, collected or wrote off the loan",
        query=ListHistory,
        responses={200: AUDIT_ENTRIES},
        tags=FUNDING,
        operation="loans.history",
    )
    def loan_history(self, request: Request, loan_id: str, caller: Caller) -> Response:
        return self._history(request, caller, "loan", loan_id)

    def _history(self, request: Request, caller: Caller, object_type: str, key: str) -> Response:
        query = query_of(request, *PAGING)
        return page_response(
            request, self._funding("object_history", caller, object_type, key, query)
        )
