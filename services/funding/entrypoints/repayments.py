"""RPC: money coming back: a repayment, a meeting's collection sheet, a write-off."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.common import parse
from services.funding.schemas.loans import loan_out
from services.funding.schemas.members import Movement
from services.funding.schemas.repayments import WriteOff, repayment_out, sheet_out
from services.funding.schemas.sheet_input import parse_sheet
from services.funding.usecases import repayments
from services.funding.usecases.commands import MoveMoney, PostSheet, WriteOffLoan


class RepaymentEntrypoints(Entrypoints):
    @rpc
    def repay_loan(
        self, caller: dict[str, Any], loan_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(MoveMoney, parse(Movement, payload))
        return repayments.repay_loan(
            self.uow, who(caller), loan_id, command, self.now(), self.settings, repayment_out
        )

    @rpc
    def write_off_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(WriteOffLoan, parse(WriteOff, payload))
        loan, on = repayments.write_off_loan(
            self.uow, who(caller), loan_id, command, expected_version, self.now(), self.settings
        )
        return loan_out(loan, on)

    @rpc
    def post_collection_sheet(
        self, caller: dict[str, Any], group_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(PostSheet, parse_sheet(payload))
        return repayments.post_collection_sheet(
            self.uow, who(caller), group_id, command, self.now(), self.settings, sheet_out
        )
