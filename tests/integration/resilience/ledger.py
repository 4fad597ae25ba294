"""What the households, teams and notifications databases hold about household registrations: the
rows written, the events committed with them, and what each consumer applied."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select

from infra.config import database_url
from infra.engines import make_engine
from services.households.db import metadata as households_db
from services.notifications.db import metadata as notifications_db
from services.teams.db import metadata as teams_db

EVENT = "household_registered"
# each handler of the event: (service, method); the event log keeps one row per event id
HANDLERS = {
    "teams": ("teams", f"on_{EVENT}"),
    "notifications": ("notifications", f"on_{EVENT}"),
    "notifications' event log": ("notifications", f"log_{EVENT}"),
}


@dataclass(frozen=True)
class Ledger:
    households: set[str]
    members: Counter[str]  # household id -> its member rows
    household_of: dict[str, str]  # a member's national ID -> their household
    events: dict[str, str]  # event id of each committed household_registered -> its household
    unpublished: int  # outbox rows the relay has not published yet
    applied: dict[str, set[str]]  # handler -> the event ids it applied (its inbox, its log)
    known_to_teams: Counter[str]  # household id -> rows in teams' read model
    notified: Counter[str]  # household id -> notifications filed about its registration

    def caught_up(self) -> bool:
        """Every committed event published, and every handler having applied exactly them."""
        committed = set(self.events)
        return not self.unpublished and all(ids == committed for ids in self.applied.values())


def read_ledger(config: dict[str, Any]) -> Ledger:
    with _connect(config, "households") as connection:
        households = _households(connection)
    with _connect(config, "teams") as connection:
        teams, known = _teams(connection)
    with _connect(config, "notifications") as connection:
        notifications, logged, notified = _notifications(connection)
    applied = dict(zip(HANDLERS, (teams, notifications, logged), strict=True))
    return Ledger(**households, applied=applied, known_to_teams=known, notified=notified)


def _households(connection: Connection) -> dict[str, Any]:
    tables = households_db.tables
    members = tables["household_members"]
    outbox = tables["outbox"]
    rows = connection.execute(select(members.c.national_id, members.c.household_id)).all()
    events = connection.execute(
        select(outbox.c.event_id, outbox.c.payload).where(outbox.c.event_type == EVENT)
    ).all()
    unpublished = connection.execute(
        select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
    ).scalar_one()
    return {
        "households": set(connection.execute(select(tables["households"].c.id)).scalars()),
        "members": Counter(household for _, household in rows),
        "household_of": dict(rows),
        "events": {e.event_id: json.loads(e.payload)["data"]["household_id"] for e in events},
        "unpublished": unpublished,
    }


def _teams(connection: Connection) -> tuple[set[str], Counter[str]]:
    known = teams_db.tables["known_households"]
    return _inbox(connection, teams_db, "teams"), _count(connection, select(known.c.id))


def _notifications(connection: Connection) -> tuple[set[str], set[str], Counter[str]]:
    filed = notifications_db.tables["notifications"]
    log = notifications_db.tables["event_log"]
    logged = select(log.c.event_id).where(log.c.event_type == EVENT)
    notified = select(filed.c.subject_id).where(filed.c.kind == EVENT)
    inbox = _inbox(connection, notifications_db, "notifications")
    return inbox, set(connection.execute(logged).scalars()), _count(connection, notified)


def _inbox(connection: Connection, metadata: Any, service: str) -> set[str]:
    inbox = metadata.tables["inbox"]
    consumer = inbox.c.consumer == f"{service}.on_{EVENT}"
    return set(connection.execute(select(inbox.c.event_id).where(consumer)).scalars())


def _count(connection: Connection, query: Select[Any]) -> Counter[str]:
    return Counter(connection.execute(query).scalars())


@contextmanager
def _connect(config: dict[str, Any], service: str) -> Iterator[Connection]:
    """A connection to one service's database, its engine disposed of afterwards."""
    engine = make_engine(database_url(config, service), pool_size=1)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
