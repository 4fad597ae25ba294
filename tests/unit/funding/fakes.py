"""In-memory stand-ins for the funding unit of work, so that use cases run with no database and
no broker: the shared `FakeTransactions` over the repositories of `fake_rows.py` and these. Each
keeps what a transaction wrote apart until `commit()`, like the real one: leaving `with uow:`
without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from services.funding.db.arrears import AnnouncedMeanwhile, OverdueLoan
from services.funding.domain.collection import Sheet
from services.funding.domain.ledger import Entry
from tests.unit.fake_audit import FakeAudit
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.funding.fake_rows import (
    FakeAppended,
    FakeClientRequests,
    FakeGroups,
    FakeLoans,
    FakeMembers,
    FakeNetworks,
)

Key = tuple[str, int, str]  # an overdue notice: loan, arrears episode, bucket


class FakePortfolio:
    """Overdue loans as given, and the notices announced of them."""

    def __init__(self, overdue: Iterable[OverdueLoan] = ()) -> None:
        self.loans = sorted(overdue, key=lambda o: o.loan_id)
        self.notices: set[Key] = set()
        self.rivals: list[set[Key]] = []  # what other runs announce, one set per announce call
        self._staged: set[Key] = set()

    def overdue(self, as_of: date, after: str, limit: int) -> list[OverdueLoan]:
        return [o for o in self.loans if o.loan_id > after][:limit]

    def announced(self, keys: list[Key]) -> set[Key]:
        return set(keys) & self.notices

    def announce(self, notices: list[OverdueLoan], as_of: date, now: datetime) -> None:
        if self.rivals:  # another run commits its notices just before these are written
            self.notices |= self.rivals.pop(0)
        keys = {(n.loan_id, n.episode, n.arrears.bucket) for n in notices}
        if keys & (self.notices | self._staged):
            raise AnnouncedMeanwhile
        self._staged |= keys

    def commit(self) -> None:
        self.notices |= self._staged
        self._staged = set()

    def rollback(self) -> None:
        self._staged = set()


class FakeJobRuns:
    def __init__(self) -> None:
        self.done: set[tuple[str, date]] = set()
        self._staged: set[tuple[str, date]] = set()

    def has_run(self, job: str, day: date) -> bool:
        return (job, day) in self.done

    def mark_done(self, job: str, day: date, now: datetime) -> None:
        self._staged.add((job, day))

    def commit(self) -> None:
        self.done |= self._staged
        self._staged = set()

    def rollback(self) -> None:
        self._staged = set()


class FakeUnitOfWork(FakeTransactions):
    """What the funding use cases use of `FundingUnitOfWork`, in memory."""

    def __init__(self, portfolio: FakePortfolio | None = None) -> None:
        self.portfolio = portfolio or FakePortfolio()
        self.job_runs = FakeJobRuns()
        self.networks = FakeNetworks()
        self.groups = FakeGroups()
        self.members = FakeMembers()
        self.loans = FakeLoans()
        self.ledger: FakeAppended[Entry] = FakeAppended()
        self.sheets: FakeAppended[Sheet] = FakeAppended()
        self.client_requests = FakeClientRequests()
        self.audit = FakeAudit()
        super().__init__()

    def _repositories(self) -> list[Any]:
        return [
            self.audit,
            self.portfolio,
            self.job_runs,
            self.networks,
            self.groups,
            self.members,
            self.loans,
            self.ledger,
            self.sheets,
            self.client_requests,
        ]
