"""In-memory stand-ins for the notifications repositories (see `fakes.py`): what a transaction
writes waits apart until `commit()`, the transaction reads its own writes, and `rollback()` forgets
them. Reads give copies, as a new query would. A taken unique key is refused (`KeyTaken`), a
duplicate an insert ignores is ignored, and a stale version is refused (`PreconditionFailed`), as
the database and the real repositories do. Only the methods the unit-tested use cases call."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import fields, replace
from datetime import datetime
from typing import Any, Generic, TypeVar

from infra.errors import KeyTaken, PreconditionFailed
from infra.pagination import Page, decode_cursor, page
from services.notifications.db.notices import DeliveryFilter
from services.notifications.domain.directory import Person, Team
from services.notifications.domain.notices import Delivery, Notification

V = TypeVar("V")


class Staged(Generic[V]):
    """Rows by key; a transaction's writes wait in `_staged` until commit."""

    def __init__(self) -> None:
        self.rows: dict[Any, V] = {}
        self._staged: dict[Any, V] = {}

    def get(self, key: Any) -> V | None:
        found = self._staged.get(key, self.rows.get(key))
        return deepcopy(found)

    def all(self) -> list[V]:
        return [deepcopy(v) for v in self.by_key().values()]

    def by_key(self) -> dict[Any, V]:
        return {**self.rows, **self._staged}

    def put(self, key: Any, value: V) -> None:
        self._staged[key] = deepcopy(value)

    def __contains__(self, key: Any) -> bool:
        return key in self._staged or key in self.rows

    def commit(self) -> None:
        self.rows.update(self._staged)
        self._staged = {}

    def rollback(self) -> None:
        self._staged = {}


class FakeDirectory:
    def __init__(self) -> None:
        self.persons: Staged[Person] = Staged()
        self.teams: Staged[Team] = Staged()
        self.household_teams: Staged[str] = Staged()

    def person(self, person_id: str) -> Person | None:
        return self.persons.get(person_id)

    def people(self, person_ids: list[str]) -> list[Person]:
        found = [self.persons.get(pid) for pid in dict.fromkeys(person_ids)]
        return [p for p in found if p is not None]

    def holding_role_over(self, role: str, area_code: str) -> list[Person]:
        prefixes = {area_code[:n] for n in (2, 4, 6, 8) if len(area_code) >= n}
        found = [
            p
            for p in self.persons.all()
            if role in p.roles and prefixes & set(p.areas) and p.active
        ]
        return sorted(found, key=lambda p: p.person_id)

    def reading_digests(self) -> list[str]:
        return sorted(p.person_id for p in self.persons.all() if p.digest and p.active)

    def save_person(self, person: Person) -> None:
        stored = self.persons.get(person.person_id)
        if stored is not None and stored.version != person.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        roles, areas = tuple(sorted(set(person.roles))), tuple(sorted(set(person.areas)))
        self.persons.put(person.person_id, replace(person, roles=roles, areas=areas))

    def team(self, team_id: str) -> Team | None:
        return self.teams.get(team_id)

    def save_team(self, team: Team) -> None:
        self.teams.put(team.team_id, team)

    def team_of_household(self, household_id: str) -> str | None:
        return self.household_teams.get(household_id)

    def assign_household(self, household_id: str, team_id: str) -> None:
        self.household_teams.put(household_id, team_id)

    def tables(self) -> list[Staged[Any]]:
        return [self.persons, self.teams, self.household_teams]


class FakeNotifications(Staged[Notification]):
    def add(self, notification: Notification) -> bool:
        """False when this recipient already has this notification (the insert ignores it)."""
        key = (notification.dedupe_key, notification.recipient_id)
        if any((n.dedupe_key, n.recipient_id) == key for n in self.all()):
            return False
        if notification.id in self:
            raise KeyTaken()
        self.put(notification.id, notification)
        return True

    def inbox(
        self, recipient_id: str, unread_only: bool, after: str | None, limit: int
    ) -> Page[Notification]:
        mine = [n for n in self.all() if n.recipient_id == recipient_id]
        if unread_only:
            mine = [n for n in mine if n.read_at is None]
        return newest_first(mine, lambda n: (n.created_at, n.id), after, limit)

    def unread_count(self, recipient_id: str) -> int:
        return sum(1 for n in self.all() if n.recipient_id == recipient_id and n.read_at is None)

    def mark_read(self, recipient_id: str, now: datetime, notification_id: str | None) -> int:
        marked = [
            n
            for n in self.all()
            if n.recipient_id == recipient_id
            and n.read_at is None
            and notification_id in (None, n.id)
        ]
        for notification in marked:
            self.put(notification.id, replace(notification, read_at=now))
        return len(marked)

    def filed_between(
        self, recipient_id: str, start: datetime, end: datetime
    ) -> list[Notification]:
        found = [
            n
            for n in self.all()
            if n.recipient_id == recipient_id and start <= n.created_at < end and n.kind != "digest"
        ]
        return sorted(found, key=lambda n: (n.created_at, n.id))


def newest_first(
    rows: list[V], key: Callable[[V], tuple[Any, ...]], after: str | None, limit: int
) -> Page[V]:
    """A page of `rows` by `key` descending, after the cursor, as `keyset` and `page` give it."""
    ordered = sorted(rows, key=key, reverse=True)
    if after:
        bound = tuple(decode_cursor(after, 2))
        ordered = [row for row in ordered if key(row) < bound]
    return page(ordered[: limit + 1], limit, key)


class FakeDeliveries(Staged[Delivery]):
    def add(self, delivery: Delivery) -> bool:
        """False when this (event, recipient, channel) was already queued."""
        key = (delivery.dedupe_key, delivery.recipient_id, delivery.channel)
        if any((d.dedupe_key, d.recipient_id, d.channel) == key for d in self.all()):
            return False
        self.put(delivery.id, delivery)
        return True

    def log(self, filters: DeliveryFilter, after: str | None, limit: int) -> Page[Delivery]:
        wanted = {f.name: getattr(filters, f.name) for f in fields(filters)}
        found = [
            d
            for d in self.all()
            if all(not value or getattr(d, name) == value for name, value in wanted.items())
        ]
        return newest_first(found, lambda d: (d.created_at, d.id), after, limit)

    def save(self, delivery: Delivery) -> None:
        self.put(delivery.id, delivery)
