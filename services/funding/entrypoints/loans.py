"""RPC: loans, from application to disbursement, and reading them."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed
from services.funding.db import queries
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import parse
from services.funding.schemas.loans import (
    LoanApplication,
    LoanOnAnswer,
    LoanQuery,
    OnDay,
    Reason,
    loan_out,
)
from services.funding.usecases import loans
from services.funding.usecases.commands import ApplyForLoan, DisburseLoan, RejectLoan


class LoanEntrypoints(Entrypoints):
    @rpc
    def apply_for_loan(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(ApplyForLoan, parse(LoanApplication, payload))
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
        command = command_of(RejectLoan, parse(Reason, payload))
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
        command = command_of(DisburseLoan, parse(OnDay, payload))
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
        command = command_of(queries.LoanQuery, parse(LoanQuery, query))
        return listed(
            LoanOnAnswer, loans.list_loans(self.uow, who(caller), group_id, command, self.now())
        )
