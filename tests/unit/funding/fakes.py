"""In-memory stand-ins for the funding unit of work, so that use cases run with no database and
no broker. Each repository keeps what a transaction wrote apart until `commit()`, like the real
one: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Self

from infra.envelope import EventContract
from services.funding.db.arrears import AnnouncedMeanwhile, OverdueLoan
from services.funding.domain.group import Network

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


class FakeNetworks:
    def __init__(self) -> None:
        self.rows: dict[str, Network] = {}
        self._staged: dict[str, Network] = {}

    def add(self, network: Network) -> None:
        self._staged[network.id] = network

    def save(self, network: Network) -> None:
        self._staged[network.id] = network

    def get(self, network_id: str) -> Network | None:
        found = self.rows.get(network_id)
        return None if found is None else replace(found)  # a copy, as a new read would give

    def commit(self) -> None:
        self.rows.update({k: replace(v) for k, v in self._staged.items()})
        self._staged = {}

    def rollback(self) -> None:
        self._staged = {}


class FakeUnitOfWork:
    """What the funding use cases use of `FundingUnitOfWork`, in memory. `published` holds the
    events of committed transactions: what the outbox relay would publish."""

    def __init__(self, portfolio: FakePortfolio | None = None) -> None:
        self.portfolio = portfolio or FakePortfolio()
        self.job_runs = FakeJobRuns()
        self.networks = FakeNetworks()
        self.published: list[tuple[str, dict[str, Any]]] = []
        self.commits = 0
        self._pending: list[tuple[str, dict[str, Any]]] = []

    def _repositories(self) -> list[Any]:
        return [self.portfolio, self.job_runs, self.networks]

    def __enter__(self) -> Self:
        self._pending = []
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pending = []
        for repository in self._repositories():
            repository.rollback()

    def emit(self, contract: EventContract, data: dict[str, Any]) -> None:
        self._pending.append((contract.event_type, data))

    def commit(self) -> None:
        for repository in self._repositories():
            repository.commit()
        self.published += self._pending
        self._pending = []
        self.commits += 1
