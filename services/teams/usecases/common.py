"""What the teams use cases share: loading with a version check, and people lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from infra.caller import Caller
from infra.errors import NotFound, PreconditionFailed
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.person import Person


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


T = TypeVar("T", bound=Versioned)


def found(item: T | None, what: str, item_id: str, visible: Callable[[T], bool]) -> T:
    """The item, or NotFound when it does not exist or lies outside the caller's reach."""
    if item is None or not visible(item):
        raise NotFound(f"{what} {item_id} not found")
    return item


def current(item: T, what: str, expected_version: int | None) -> T:
    if expected_version is not None and expected_version != item.version:
        raise PreconditionFailed(
            f"the {what} was changed since you read it", current_version=item.version
        )
    return item


def people(uow: TeamsUnitOfWork, ids: Iterable[str]) -> dict[str, Person | None]:
    return {person_id: uow.people.get(person_id) for person_id in set(ids)}


def by(caller: Caller) -> str:
    return caller.person_id
