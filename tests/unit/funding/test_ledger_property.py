"""The books always balance: random sequences of deposits, withdrawals, loans, repayments,
collection sheets, write-offs and passing days, refused or not, keep
cash + loans outstanding = members' savings + retained income, and a refused operation changes
nothing."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from infra.errors import ServiceError
from services.funding.domain import fund
from services.funding.domain.collection import SheetLine, post_sheet
from services.funding.domain.group import Group, Seat
from services.funding.domain.ledger import Balances, Posting
from services.funding.domain.loan import Loan, LoanStatus
from services.funding.domain.member import Member
from services.funding.domain.money import ZERO
from services.funding.domain.rules import Rules
from services.funding.vocabulary import CommitteeRole, InterestMethod, LineKind

AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("3000"), places=2)
BAD_AMOUNTS = st.sampled_from([Decimal("0"), Decimal("-5.00"), Decimal("10.005")])
NOW = datetime(2026, 1, 1, 3, tzinfo=UTC)


class Books(RuleBasedStateMachine):
    @initialize(
        method=st.sampled_from(list(InterestMethod)),
        rate=st.decimals(min_value=0, max_value=36, places=2),
        multiple=st.decimals(min_value=Decimal("0.5"), max_value=5, places=2),
        minimum=st.decimals(min_value=0, max_value=100, places=2),
    )
    def open_group(self, method, rate, multiple, minimum):
        rules = Rules(minimum, rate, method, multiple, 12, min_savings_balance=Decimal("10.00"))
        seats = [Seat("maker", CommitteeRole.TREASURER), Seat("checker", CommitteeRole.CHAIR)]
        self.group = Group.register("G", "24010101", rules, seats, NOW)
        self.members: list[Member] = []
        self.loans: list[Loan] = []
        self.entries = []
        self.today = date(2026, 1, 1)

    # -- operations ---------------------------------------------------------------------------

    @rule()
    def join(self):
        number = self.group.take_member_no()
        self.members.append(Member(self.group.id, number, "A", "B", self.today, NOW))

    @precondition(lambda self: self.members)
    @rule(data=st.data(), amount=AMOUNTS)
    def deposit(self, data, amount):
        member = data.draw(st.sampled_from(self.members))
        self._attempt(lambda: fund.deposit(self.group, member, amount, self._posting()))

    @precondition(lambda self: self.members)
    @rule(data=st.data(), amount=AMOUNTS)
    def withdraw(self, data, amount):
        member = data.draw(st.sampled_from(self.members))
        owed = sum((ln.owed_principal for ln in self.loans if ln.member_id == member.id), ZERO)
        self._attempt(lambda: fund.withdraw(self.group, member, amount, owed, self._posting()))

    @precondition(lambda self: self.members)
    @rule(data=st.data(), amount=AMOUNTS, term=st.integers(1, 14))
    def lend(self, data, amount, term):
        member = data.draw(st.sampled_from(self.members))
        owed = sum((ln.owed_principal for ln in self.loans if ln.member_id == member.id), ZERO)
        rules = self.group.rules
        loan = Loan(
            self.group.id,
            member.id,
            amount,
            term,
            "p",
            rules.annual_interest_rate,
            rules.interest_method,
            "maker",
            NOW,
        )

        def lend_it():
            fund.check_application(self.group, member, amount, term, owed)
            loan.approve("checker", member.person_id, NOW)
            entry = fund.disburse(self.group, loan, self._posting())
            self.loans.append(loan)
            return entry

        self._attempt(lend_it)

    @precondition(lambda self: self._open_loans())
    @rule(data=st.data(), amount=AMOUNTS)
    def repay(self, data, amount):
        loan = data.draw(st.sampled_from(self._open_loans()))
        amount = min(amount, loan.payoff(self.today))
        self._attempt(lambda: fund.repay(self.group, loan, amount, self._posting())[0])

    @precondition(lambda self: self._open_loans())
    @rule(data=st.data())
    def settle(self, data):
        loan = data.draw(st.sampled_from(self._open_loans()))
        payoff = loan.payoff(self.today)
        self._attempt(lambda: fund.repay(self.group, loan, payoff, self._posting())[0])
        assert loan.status is LoanStatus.CLOSED and loan.outstanding_principal == 0

    @precondition(lambda self: self.loans)
    @rule(data=st.data(), amount=st.one_of(AMOUNTS, BAD_AMOUNTS))
    def repay_anything(self, data, amount):
        """Any loan (closed, written off) and any amount (too much, zero, three decimals)."""
        loan = data.draw(st.sampled_from(self.loans))
        self._attempt(lambda: fund.repay(self.group, loan, amount, self._posting())[0])

    @precondition(lambda self: self._open_loans())
    @rule(data=st.data())
    def write_off(self, data):
        loan = data.draw(st.sampled_from(self._open_loans()))
        self._attempt(lambda: fund.write_off(self.group, loan, "gone", self._posting()))

    @precondition(lambda self: self.members)
    @rule(data=st.data())
    def collection_sheet(self, data):
        """A meeting's sheet is posted whole or not at all."""
        lines = data.draw(st.lists(self._sheet_lines(), min_size=1, max_size=6))
        trial = copy.deepcopy((self.group, self.members, self.loans))
        group, members, loans = trial
        try:
            posted = post_sheet(
                group,
                {m.id: m for m in members},
                {ln.id: ln for ln in loans},
                lines,
                self._posting(),
            )
        except ServiceError:
            return
        self.group, self.members, self.loans = group, members, loans
        self.entries += [p.entry for p in posted]

    @rule(days=st.integers(1, 75))
    def pass_days(self, days):
        self.today += timedelta(days=days)

    # -- what must always hold ----------------------------------------------------------------

    @invariant()
    def the_books_balance(self):
        assert self.group.balances.balanced

    @invariant()
    def the_accounts_are_the_sum_of_their_entries(self):
        replayed = Balances()
        for entry in self.entries:
            assert sum((line.amount for line in entry.lines), ZERO) == 0
            replayed.apply(entry)
        assert replayed == self.group.balances

    @invariant()
    def the_accounts_agree_with_members_and_loans(self):
        b = self.group.balances
        assert b.savings == sum((m.savings for m in self.members), ZERO)
        assert b.loans == sum((ln.outstanding_principal for ln in self.loans), ZERO)
        assert b.cash >= 0
        assert all(m.savings >= 0 for m in self.members)

    @invariant()
    def money_is_exact_to_the_satang(self):
        b = self.group.balances
        for value in (b.cash, b.loans, b.savings, b.income):
            assert value == value.quantize(Decimal("0.01"))

    # -- helpers ------------------------------------------------------------------------------

    def _attempt(self, operation):
        before = copy.deepcopy((self.group, self.members, self.loans))
        try:
            entry = operation()
        except ServiceError:
            assert (self.group, self.members, self.loans) == before, "a refusal changed state"
            return
        self.entries.append(entry)

    def _posting(self):
        return Posting(self.today, "maker", NOW)

    def _open_loans(self):
        return [ln for ln in self.loans if ln.status is LoanStatus.DISBURSED]

    def _sheet_lines(self):
        deposits = st.builds(
            lambda m, a: SheetLine(LineKind.DEPOSIT, a, member_id=m.id),
            st.sampled_from(self.members),
            st.one_of(AMOUNTS, BAD_AMOUNTS),
        )
        if not self.loans:
            return deposits
        repayments = st.builds(
            lambda ln, a: SheetLine(LineKind.REPAYMENT, a, loan_id=ln.id),
            st.sampled_from(self.loans),
            AMOUNTS,
        )
        return st.one_of(deposits, repayments)


Books.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    suppress_health_check=[HealthCheck.too_slow],
)
TestBooks = Books.TestCase
