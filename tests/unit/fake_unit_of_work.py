"""What every service's fake unit of work shares: a transaction over in-memory repositories.

A repository given by `_repositories()` keeps what a transaction wrote apart until `commit()` (and
has `commit()` and `rollback()`); leaving `with uow:` without committing forgets it, as the real
unit of work does. `published` holds the events of committed transactions (type, data as the
contract serialises it): what the outbox relay would publish; `delivered` holds the ids of the
events consumed in committed transactions; `commits` counts the commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Self

from infra.envelope import EventContract, ReceivedEvent
from infra.errors import KeyTaken


class FakeTransactions:
    def __init__(self) -> None:
        self.published: list[tuple[str, dict[str, Any]]] = []
        self.delivered: set[str] = set()
        self.commits = 0
        self._forget()

    def _repositories(self) -> Iterable[Any]:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self._forget()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.rollback()

    def emit(self, contract: EventContract, data: dict[str, Any]) -> None:
        self._pending.append((contract.event_type, contract.serialise(data)))

    def first_delivery(self, event: ReceivedEvent) -> bool:
        if event.event_id in self.delivered | self._delivering:
            return False
        self._delivering.add(event.event_id)
        return True

    def commit(self) -> None:
        for repository in self._repositories():
            repository.commit()
        self.published += self._pending
        self.delivered |= self._delivering
        self._forget()
        self.commits += 1

    def rollback(self) -> None:
        for repository in self._repositories():
            repository.rollback()
        self._forget()

    @contextmanager
    def if_taken(self, error: Exception | None = None) -> Iterator[None]:
        try:
            yield
        except KeyTaken:
            self.rollback()
            raise (error or KeyTaken()) from None

    def events(self, event_type: str) -> list[dict[str, Any]]:
        """The data of the published events of this type, oldest first."""
        return [data for kind, data in self.published if kind == event_type]

    def kinds(self) -> list[str]:
        """The types of the published events, oldest first."""
        return [kind for kind, _ in self.published]

    def _forget(self) -> None:
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self._delivering: set[str] = set()
