"""Unit of work: one transaction holding a change, the events that report it, and the inbox mark.

Events go to the outbox table in the same commit as the change, so a crash after the commit loses
nothing: the relay publishes them later. A consumer calls `first_delivery(event)` before its effect;
the inbox row is written in the same transaction, so a duplicate delivery (or a concurrent one)
changes nothing.

A batch (`batch()`, used by the batching event consumers) holds many such units in one
transaction: inside it each `with uow:` is a savepoint, `commit()` releases it, and the batch's
own commit makes them all durable at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, NamedTuple, Self

from sqlalchemy import Insert, MetaData, insert, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from infra.envelope import Envelope, EventContract, ReceivedEvent
from infra.errors import KeyTaken
from infra.statements import built_once, dialect_of, insert_ignoring_duplicates
from infra.tracing import current_traceparent

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE for a duplicate key


class PreparedEvent(NamedTuple):
    """An outbox row's content: the payload is the envelope's JSON (`Envelope.to_dict()`)."""

    event_id: str
    event_type: str
    payload: str


def _nothing() -> None:
    return None


class UnitOfWork:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        metadata: MetaData,
        *,
        source: str,
        consumer: str,
        correlation_id: Callable[[], str | None] = _nothing,
        on_commit: Callable[[], None] = _nothing,
    ) -> None:
        self._sessions = sessions
        self._metadata = metadata
        self._outbox = metadata.tables["outbox"]
        self._inbox = metadata.tables["inbox"]
        self.source = source
        self.consumer = consumer
        self._correlation_id = correlation_id
        self._on_commit = on_commit
        self._pending: list[Envelope] = []
        self._prepared: list[PreparedEvent] = []
        self._batch: _Batch | None = None

    def sibling(self) -> Self:
        """Another unit of work on the same database, for a transaction running beside this
        one's (each green thread needs its own)."""
        return type(self)(
            self._sessions,
            self._metadata,
            source=self.source,
            consumer=self.consumer,
            correlation_id=self._correlation_id,
            on_commit=self._on_commit,
        )

    @property
    def backend(self) -> str:
        """The database's dialect name: 'postgresql' or 'sqlite'."""
        return str(self._sessions.kw["bind"].dialect.name)

    def __enter__(self) -> Self:
        self._pending, self._prepared = [], []
        if self._batch is not None:
            self._batch.savepoint = self.session.begin_nested()
            return self
        self.session = self._sessions()
        self.open_repositories()
        return self

    def open_repositories(self) -> None:
        """Subclasses attach their repositories to `self.session` here."""

    def __exit__(self, *exc_info: object) -> None:
        self._pending, self._prepared = [], []
        if self._batch is not None:
            self._batch.release_or_undo()  # what was not committed is undone, the batch goes on
            return
        self.session.close()  # rolls back whatever was not committed

    def ping(self) -> None:
        """Raise if the database cannot answer a trivial query (health checks)."""
        with self._sessions() as session:
            session.execute(text("SELECT 1"))

    def emit(self, contract: EventContract, data: dict[str, Any]) -> Envelope:
        """Queue an event; it is written to the outbox by `commit`, with the change it reports."""
        envelope = Envelope(
            event_type=contract.event_type,
            version=contract.version,
            data=contract.serialise(data),
            source=self.source,
            correlation_id=self._correlation_id(),
            traceparent=current_traceparent(),
        )
        self._pending.append(envelope)
        return envelope

    def emit_prepared(self, events: list[PreparedEvent]) -> None:
        """The bulk door: queue events whose outbox payloads are already written (an import batch
        announces thousands of households; building each through its contract's schema would
        cost more than the import). `commit` writes them with the change, like `emit`'s."""
        self._prepared.extend(events)

    def first_delivery(self, event: ReceivedEvent) -> bool:
        """Record the event in this consumer's inbox; False if it was already processed."""
        values = {
            "consumer": self.consumer,
            "event_id": event.event_id,
            "event_type": event.event_type,
            "processed_at": datetime.now(UTC),
        }
        return self.session.execute(self._inbox_insert(), values).rowcount == 1

    def commit(self) -> None:
        """Writes the change and its events. A duplicate key the database refuses (a concurrent
        change took it first) raises `KeyTaken`, a 409, after rolling back."""
        published = bool(self._pending or self._prepared)
        with self.if_taken():
            if published:
                self.session.execute(insert(self._outbox), self._outbox_rows())
            if self._batch is None:
                self.session.commit()
            else:
                self._batch.release(published)
        self._pending, self._prepared = [], []
        if published and self._batch is None:
            self._on_commit()

    @contextmanager
    def if_taken(self, error: Exception | None = None) -> Iterator[None]:
        """Inside it, a duplicate key the database refuses, at a statement or at the commit,
        rolls back and raises `error` (by default `KeyTaken`): a use case checks first, and the
        loser of a race with a concurrent change hears the same answer, without the use case
        knowing the database."""
        try:
            yield
        except (IntegrityError, KeyTaken) as refused:
            if isinstance(refused, IntegrityError) and not duplicate_key(refused):
                raise
            self.rollback()
            raise (error or KeyTaken()) from None

    def rollback(self) -> None:
        if self._batch is None:
            self.session.rollback()
        else:
            self._batch.undo()
        self._pending, self._prepared = [], []

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for the use cases run inside it, committed when the block ends without
        an error (and rolled back entirely if it raises). Each use case's `with uow:` is a
        savepoint: one that raises or does not commit undoes only its own work."""
        with self._sessions() as session:
            self.session = session
            if self.backend == "sqlite":  # take the write lock now: pysqlite's savepoints need
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")  # an open transaction
            self.open_repositories()
            self._batch = _Batch()
            try:
                yield
                published = self._batch.published
                session.commit()
            finally:
                self._batch = None
        if published:
            self._on_commit()

    @contextmanager
    def on_behalf_of(self, correlation_id: str | None) -> Iterator[None]:
        """Inside it, emitted events carry this correlation id (one event of a batch)."""
        saved = self._correlation_id
        if correlation_id:
            self._correlation_id = lambda: correlation_id
        try:
            yield
        finally:
            self._correlation_id = saved

    def _outbox_rows(self) -> list[dict[str, Any]]:
        now = datetime.now(UTC)
        envelopes = [
            PreparedEvent(e.event_id, e.event_type, json.dumps(e.to_dict(), ensure_ascii=False))
            for e in self._pending
        ]
        return [{**event._asdict(), "created_at": now} for event in envelopes + self._prepared]

    def _inbox_insert(self) -> Insert:
        """The inbox's insert, built once per table and dialect (it runs for every event)."""
        inbox, session = self._inbox, self.session
        key = ("inbox", inbox, dialect_of(session))
        return built_once(key, lambda: insert_ignoring_duplicates(session, inbox))


class _Batch:
    """The savepoint of the unit now running inside a batch, and whether any unit emitted."""

    def __init__(self) -> None:
        self.savepoint: Any = None
        self.published = False

    def release(self, published: bool) -> None:
        self.savepoint.commit()
        self.published = self.published or published

    def undo(self) -> None:
        if self.savepoint is not None and self.savepoint.is_active:
            self.savepoint.rollback()

    def release_or_undo(self) -> None:
        self.undo()  # a committed unit's savepoint is no longer active: nothing to undo
        self.savepoint = None


def duplicate_key(error: IntegrityError) -> bool:
    """Whether the database refused a duplicate key (not a missing reference or a null)."""
    cause = error.orig
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    if code is not None:
        return bool(code == UNIQUE_VIOLATION)
    return str(cause).startswith("UNIQUE constraint failed")  # SQLite's words
