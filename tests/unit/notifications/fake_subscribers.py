"""In-memory subscriptions and event log for the outside subscribers' use cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from infra.errors import PreconditionFailed
from infra.pagination import Page
from services.notifications.db.subscribers import EventFilter
from services.notifications.domain.subscribers import LoggedEvent, SystemSubscription, in_areas
from tests.unit.notifications.fake_repositories import Staged


class Dropping(Staged[Any]):
    """Rows that may also be deleted, the deletion kept apart until commit."""

    def __init__(self) -> None:
        super().__init__()
        self._dropped: set[Any] = set()

    def drop(self, key: Any) -> None:
        self._staged.pop(key, None)
        self._dropped.add(key)

    def by_key(self) -> dict[Any, Any]:
        return {k: v for k, v in super().by_key().items() if k not in self._dropped}

    def get(self, key: Any) -> Any:
        return None if key in self._dropped else super().get(key)

    def commit(self) -> None:
        for key in self._dropped:
            self.rows.pop(key, None)
        self._dropped = set()
        super().commit()

    def rollback(self) -> None:
        self._dropped = set()
        super().rollback()


class FakeSubscriptions(Dropping):
    def add(self, subscription: SystemSubscription) -> None:
        self.put(subscription.id, subscription)

    def active(self) -> list[SystemSubscription]:
        return [s for s in self.all() if s.active]

    def listed(self, after: str | None, limit: int) -> Page[SystemSubscription]:
        return Page(sorted(self.all(), key=lambda s: (s.created_at, s.id))[:limit], None)

    def save(self, subscription: SystemSubscription) -> None:
        current = self.get(subscription.id)
        if current is None or current.version != subscription.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self.put(subscription.id, subscription)

    def remove(self, subscription_id: str) -> None:
        self.drop(subscription_id)


class FakeEventLog(Dropping):
    pruned = 0  # the highest cursor pruned

    def add(self, event: LoggedEvent) -> LoggedEvent | None:
        if any(e.event_id == event.event_id for e in self.all()):
            return None
        cursor = max((e.cursor for e in self.all()), default=0) + 1
        logged = replace(event, cursor=cursor)
        self.put(event.event_id, logged)
        return logged

    def since(self, filters: EventFilter, after: int, limit: int) -> list[LoggedEvent]:
        found = [
            e
            for e in sorted(self.all(), key=lambda e: e.cursor)
            if e.cursor > after
            and e.logged_at <= filters.until
            and (not filters.event_types or e.event_type in filters.event_types)
            and in_areas(e.area_code, filters.areas)
            and (filters.area is None or in_areas(e.area_code, (filters.area,)))
        ]
        return found[: limit + 1]

    def prune(self, before: datetime) -> int:
        old = [e for e in self.all() if e.logged_at < before]
        for event in old:
            self.drop(event.event_id)
        self.pruned = max([self.pruned, *(e.cursor for e in old)])
        return len(old)

    def pruned_through(self) -> int:
        return self.pruned
