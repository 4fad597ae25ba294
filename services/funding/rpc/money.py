"""RPC: savings, loans, collection sheets and portfolios."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from services.funding import money_schemas, schemas
from services.funding.rpc.base import Entrypoints, now, who
from services.funding.schemas import parse
from services.funding.sheet_input import parse_sheet
from services.funding.usecases import arrears, loans, members, repayments


class MoneyEntrypoints(Entrypoints):
    @rpc
    def deposit(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(money_schemas.Movement, payload)
        return members.deposit(self.uow, who(caller), member_id, command, now(), self.settings)

    @rpc
    def withdraw(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(money_schemas.Movement, payload)
        return members.withdraw(self.uow, who(caller), member_id, command, now(), self.settings)

    @rpc
    def apply_for_loan(
        self, caller: dict[str, Any], member_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(money_schemas.LoanApplication, payload)
        return loans.apply_for_loan(self.uow, who(caller), member_id, command, now())

    @rpc
    def approve_loan(
        self, caller: dict[str, Any], loan_id: str, expected_version: int | None = None
    ) -> dict[str, Any]:
        return loans.approve_loan(self.uow, who(caller), loan_id, expected_version, now())

    @rpc
    def reject_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(money_schemas.Reason, payload)
        return loans.reject_loan(self.uow, who(caller), loan_id, command, expected_version, now())

    @rpc
    def disburse_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(money_schemas.OnDay, payload)
        return loans.disburse_loan(
            self.uow, who(caller), loan_id, command, expected_version, now(), self.settings
        )

    @rpc
    def repay_loan(
        self, caller: dict[str, Any], loan_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse(money_schemas.Movement, payload)
        return repayments.repay_loan(self.uow, who(caller), loan_id, command, now(), self.settings)

    @rpc
    def write_off_loan(
        self,
        caller: dict[str, Any],
        loan_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(money_schemas.WriteOff, payload)
        return repayments.write_off_loan(
            self.uow, who(caller), loan_id, command, expected_version, now(), self.settings
        )

    @rpc
    def get_loan(self, caller: dict[str, Any], loan_id: str) -> dict[str, Any]:
        return loans.get_loan(self.uow, who(caller), loan_id, now())

    @rpc
    def list_loans(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(schemas.LoanQuery, query)
        return loans.list_loans(self.uow, who(caller), group_id, query, now())

    @rpc
    def post_collection_sheet(
        self, caller: dict[str, Any], group_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        command = parse_sheet(payload)
        return repayments.post_collection_sheet(
            self.uow, who(caller), group_id, command, now(), self.settings
        )

    @rpc
    def group_portfolio(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        as_of = parse(money_schemas.AsOf, query)["as_of"]
        return arrears.group_portfolio(self.uow, who(caller), group_id, as_of, now())

    @rpc
    def network_portfolio(
        self, caller: dict[str, Any], network_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        as_of = parse(money_schemas.AsOf, query)["as_of"]
        return arrears.network_portfolio(self.uow, who(caller), network_id, as_of, now())
