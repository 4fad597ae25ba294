"""RPC: loans, from application to disbursement, and reading them."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import parse
from services.funding.schemas.loans import LoanApplication, LoanQuery, OnDay, Reason, loan_out
from services.funding.usecases import loans


class LoanEntrypoints(Entrypoints):
    @rpc
    def apply_for_loan(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(LoanApplication, payload)
        return loans.apply_for_loan(self.uow, who(caller), member_id, command, self.now(), loan_out)

    @rpc
    def approve_loan(
        self, caller: dict[str, Any], loan_id: str, expected_version: int | None = None
    ) -> dict[str, Any]:
        loan, on = loans.approve_loan(self.uow, who(caller), loan_id, expected_version, self.now())
        return loan_out(loan, on)

    @rpc
    def reject_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(Reason, payload)
        loan, on = loans.reject_loan(
            self.uow, who(caller), loan_id, command, expected_version, self.now()
        )
        return loan_out(loan, on)

    @rpc
    def disburse_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(OnDay, payload)
        loan, on = loans.disburse_loan(
            self.uow, who(caller), loan_id, command, expected_version, self.now(), self.settings
        )
        return loan_out(loan, on)

    @rpc
    def get_loan(self, caller: dict[str, Any], loan_id: str) -> dict[str, Any]:
        loan, on = loans.get_loan(self.uow, who(caller), loan_id, self.now())
        return loan_out(loan, on)

    @rpc
    def list_loans(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(LoanQuery, query)
        found = loans.list_loans(self.uow, who(caller), group_id, query, self.now())
        items = [loan_out(loan, found["today"]) for loan in found["items"]]
        return {"items": items, "next": found["next"]}
