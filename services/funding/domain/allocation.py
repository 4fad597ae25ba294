"""How money paid on a loan meets its schedule.

Installments are paid in order, interest before principal; paying more than is due pays the next
installments ahead. Settling pays everything due, the running installment's interest and the
principal still owed; the interest of later installments is waived. A schedule may hold only the
unpaid installments: a paid one owes nothing, and the running installment is counted from the
disbursement day, not from the rows at hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.funding.domain.money import ZERO
from services.funding.domain.schedule import Installment, add_months


@dataclass(frozen=True)
class Allocation:
    principal: Decimal
    interest: Decimal
    waived_interest: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest


def running_seq(disbursed_on: date, term_months: int, on: date) -> int:
    """The installment whose month `on` falls in (the last one once the term is over)."""
    months = range(1, term_months + 1)
    return next((seq for seq in months if add_months(disbursed_on, seq) >= on), term_months)


def payoff(schedule: Sequence[Installment], running: int) -> Decimal:
    return sum((i.unpaid if i.seq <= running else i.unpaid_principal for i in schedule), ZERO)


def pay_in_order(schedule: Sequence[Installment], amount: Decimal) -> Allocation:
    principal = interest = ZERO
    for installment in schedule:
        if amount == 0:
            break
        paid_principal, paid_interest = installment.pay(amount)
        principal, interest = principal + paid_principal, interest + paid_interest
        amount -= paid_principal + paid_interest
    return Allocation(principal, interest)


def settle(schedule: Sequence[Installment], running: int) -> Allocation:
    waived = sum((i.waive_interest() for i in schedule if i.seq > running), ZERO)
    paid = pay_in_order(schedule, payoff(schedule, running))
    return Allocation(paid.principal, paid.interest, waived)
