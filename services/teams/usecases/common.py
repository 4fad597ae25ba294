"""What the teams use cases share: loading what is within reach, and people lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from infra.caller import Caller
from infra.errors import NotFound
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.person import Person

T = TypeVar("T")


def found(item: T | None, what: str, item_id: str, visible: Callable[[T], bool]) -> T:
    """The item, or NotFound when it does not exist or lies outside the caller's reach."""
    if item is None or not visible(item):
        raise NotFound(f"{what} {item_id} not found")
    return item


def people(uow: TeamsUnitOfWork, ids: Iterable[str]) -> dict[str, Person | None]:
    return {person_id: uow.people.get(person_id) for person_id in set(ids)}


def by(caller: Caller) -> str:
    return caller.person_id
