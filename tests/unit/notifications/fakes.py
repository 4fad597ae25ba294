"""A fake unit of work for the notifications use cases, so that they run with no database and no
broker. Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until
`commit()`, like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Self

from services.notifications.db.reports import EscalationWindow
from services.notifications.domain.directory import Person, Team
from services.notifications.domain.escalation import Escalation
from services.notifications.domain.notices import Notification
from tests.unit.fake_audit import FakeAudit
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.notifications.fake_escalations import FakeEscalations
from tests.unit.notifications.fake_repositories import (
    FakeDeliveries,
    FakeDirectory,
    FakeNotifications,
    Staged,
)
from tests.unit.notifications.fake_subscribers import FakeEventLog, FakeSubscriptions


class FakeReports:
    """The escalations report's two reads, answering the rows a test gives (`counted`, `timed`:
    rows as the queries return them); `asked` keeps the windows they were asked for."""

    def __init__(self) -> None:
        self.counted: list[Any] = []
        self.timed: list[Any] = []
        self.asked: list[EscalationWindow] = []

    def counts(self, window: EscalationWindow, kinds: tuple[str, ...]) -> list[Any]:
        self.asked.append(window)
        return self.counted

    def answer_times(self, window: EscalationWindow) -> list[Any]:
        self.asked.append(window)
        return self.timed


class FakeUnitOfWork(FakeTransactions):
    """What the notifications use cases use of `NotificationsUnitOfWork`, in memory. `delivered`
    holds the ids of the events consumed in committed transactions, `digests` the (person, day)
    digests claimed; `commits` counts the commits."""

    def __init__(self) -> None:
        self.directory = FakeDirectory()
        self.notifications = FakeNotifications()
        self.deliveries = FakeDeliveries()
        self.escalations = FakeEscalations()
        self.reports = FakeReports()
        self.subscriptions = FakeSubscriptions()
        self.event_log = FakeEventLog()
        self.audit = FakeAudit()
        self.digests: set[tuple[str, date]] = set()
        super().__init__()

    def given(self, *items: Person | Team | Escalation | Notification) -> Self:
        """Committed state before the test: people, teams, escalations and notifications."""
        for item in items:
            if isinstance(item, Person):
                self.directory.persons.rows[item.person_id] = item
            elif isinstance(item, Team):
                self.directory.teams.rows[item.team_id] = item
            elif isinstance(item, Escalation):
                self.escalations.rows[item.id] = item
            else:
                self.notifications.rows[item.id] = item
        return self

    def claim_digest(self, person_id: str, day: date, now: datetime) -> bool:
        if (person_id, day) in self.digests | self._claiming:
            return False
        self._claiming.add((person_id, day))
        return True

    def commit(self) -> None:
        self.digests |= self._claiming
        super().commit()

    def inbox_of(self, person_id: str) -> list[Notification]:
        """The committed notifications of a person, oldest first."""
        mine = [n for n in self.notifications.rows.values() if n.recipient_id == person_id]
        return sorted(mine, key=lambda n: (n.created_at, n.id))

    def channels_of(self, person_id: str) -> list[str]:
        """The channels of the committed deliveries queued for a person, sorted."""
        rows = self.deliveries.rows.values()
        return sorted(d.channel for d in rows if d.recipient_id == person_id)

    def _repositories(self) -> Iterable[Staged[Any] | FakeAudit]:
        tables = (*self.directory.tables(), self.notifications, self.deliveries, self.escalations)
        return (*tables, self.subscriptions, self.event_log, self.audit)

    def _forget(self) -> None:
        super()._forget()
        self._claiming: set[tuple[str, date]] = set()
