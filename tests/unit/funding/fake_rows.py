"""In-memory funding repositories for the fake unit of work (`fakes.py`). Each keeps what a
transaction wrote apart until `commit()`, like the real one, refuses a taken key and a stale
version as the database and `save_versioned` do, and hands out copies, as a new read would."""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from infra.errors import KeyTaken, PreconditionFailed
from infra.pagination import Page
from services.funding.db.queries import LoanQuery, PageQuery
from services.funding.domain.group import Group, Network
from services.funding.domain.loan import Loan, LoanStatus
from services.funding.domain.member import Member, MemberStatus
from services.funding.domain.money import ZERO

T = TypeVar("T")


class FakeRows(Generic[T]):
    """Objects by id; a transaction's writes staged until `commit()`."""

    def __init__(self) -> None:
        self.rows: dict[str, T] = {}
        self._staged: dict[str, T] = {}

    def add(self, item: T) -> None:
        if self._read(item.id) is not None:  # type: ignore[attr-defined]
            raise KeyTaken
        self._staged[item.id] = deepcopy(item)  # type: ignore[attr-defined]

    def save(self, item: T) -> None:
        """As `save_versioned`: only over the version before the item's."""
        stored = self._read(item.id)  # type: ignore[attr-defined]
        if stored is None or stored.version != item.version - 1:  # type: ignore[attr-defined]
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self._staged[item.id] = deepcopy(item)  # type: ignore[attr-defined]

    def overwrite(self, items: Iterable[T]) -> None:
        """A set-based write under the group's lock: no version check."""
        self._staged.update({item.id: deepcopy(item) for item in items})  # type: ignore[attr-defined]

    def get(self, item_id: str) -> T | None:
        return deepcopy(self._read(item_id))

    def all(self) -> list[T]:
        return [deepcopy(item) for item in {**self.rows, **self._staged}.values()]

    def commit(self) -> None:
        self.rows.update(self._staged)
        self._staged = {}

    def rollback(self) -> None:
        self._staged = {}

    def _read(self, item_id: str) -> T | None:
        return self._staged.get(item_id, self.rows.get(item_id))


class FakeGroups(FakeRows[Group]):
    def lock(self, group_id: str) -> Group | None:
        return self.get(group_id)

    def save_balances(self, group: Group) -> None:
        stored = self._read(group.id)
        assert stored is not None
        kept = deepcopy(stored)
        kept.balances, kept.next_member_no = deepcopy(group.balances), group.next_member_no
        self._staged[group.id] = kept


class FakeNetworks(FakeRows[Network]):
    def list(self, caller: Any, query: PageQuery) -> Page[Network]:
        found = sorted(self.all(), key=lambda n: (n.district_code, n.id))
        return Page(found[: query.limit])


class FakeMembers(FakeRows[Member]):
    def many(self, group_id: str, member_ids: list[str]) -> dict[str, Member]:
        found = (self.get(m) for m in member_ids)
        return {m.id: m for m in found if m is not None and m.group_id == group_id}

    def save_savings(self, changed: list[Member]) -> None:
        self.overwrite(changed)

    def active_by_household(self, household_id: str) -> Member | None:
        return next(
            (
                m
                for m in self.all()
                if m.household_id == household_id and m.status is MemberStatus.ACTIVE
            ),
            None,
        )

    def list(self, group_id: str, query: PageQuery) -> Page[Member]:
        """Keyset pages by member number; the cursor is the last number as text."""
        after = int(query.after) if query.after else 0
        mine = sorted(
            (m for m in self.all() if m.group_id == group_id and m.member_no > after),
            key=lambda m: m.member_no,
        )
        items = mine[: query.limit]
        more = len(mine) > query.limit
        return Page(items, str(items[-1].member_no) if more else None)


class FakeLoans(FakeRows[Loan]):
    def many(self, group_id: str, loan_ids: list[str]) -> dict[str, Loan]:
        found = (self.get(loan_id) for loan_id in loan_ids)
        return {loan.id: loan for loan in found if loan is not None and loan.group_id == group_id}

    def add_schedule(self, loan: Loan) -> None:
        self.overwrite([loan])

    def save_payments(self, paid: Iterable[Loan]) -> None:
        self.overwrite(paid)

    def owed_by(self, member_id: str) -> Decimal:
        mine = [loan for loan in self.all() if loan.member_id == member_id]
        pending = (LoanStatus.APPLIED, LoanStatus.APPROVED)
        owed = sum((loan.principal for loan in mine if loan.status in pending), ZERO)
        return owed + sum((loan.outstanding_principal for loan in mine), ZERO)

    def list(self, group_id: str, query: LoanQuery) -> Page[Loan]:
        mine = [
            loan
            for loan in self.all()
            if loan.group_id == group_id and query.status in (None, loan.status.value)
        ]
        mine.sort(key=lambda loan: (loan.applied_at, loan.id), reverse=True)
        return Page(mine[: query.limit])


class FakeAppended(Generic[T]):
    """An append-only table: the ledger's entries, collection sheets."""

    def __init__(self) -> None:
        self.rows: list[T] = []
        self._staged: list[T] = []

    def add(self, items: Any) -> None:
        self._staged.extend(items if isinstance(items, list) else [items])

    def commit(self) -> None:
        self.rows += self._staged
        self._staged = []

    def rollback(self) -> None:
        self._staged = []


class FakeClientRequests:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[str, str, Any]] = {}
        self._staged: dict[tuple[str, str], tuple[str, str, Any]] = {}

    def get(self, scope: str, client_key: str) -> tuple[str, str, Any] | None:
        return self._staged.get((scope, client_key), self.rows.get((scope, client_key)))

    def add(self, scope: str, client_key: str, command: str, fingerprint: str, answer: Any,
            now: datetime) -> None:  # fmt: skip
        if self.get(scope, client_key) is not None:
            raise KeyTaken
        self._staged[(scope, client_key)] = (command, fingerprint, deepcopy(answer))

    def commit(self) -> None:
        self.rows.update(self._staged)
        self._staged = {}

    def rollback(self) -> None:
        self._staged = {}
