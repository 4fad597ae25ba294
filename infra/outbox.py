"""The outbox relay: publishes committed events with publisher confirms, then marks them sent.

It wakes right after each commit that wrote events (the fast path) and also sweeps every few
seconds, which publishes what an earlier crash or a broker outage left behind. While the broker is
unreachable it backs off and keeps the rows; nothing is lost and nothing blocks the services' own
work. Several replicas may share one PostgreSQL database: rows are claimed with SKIP LOCKED.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import amqp
from amqp.exceptions import MessageNacked
from kombu import Connection
from nameko.standalone.events import get_event_exchange
from sqlalchemy import Engine, Table, select, update

from infra.brokers import connect_once
from infra.logs import get_logger

log = get_logger(__name__)


class EventPublisher:
    """Publishes envelopes to nameko's `<source>.events` exchanges with publisher confirms.

    A batch is published in one go and then confirmed in one wait (not one round trip per event):
    it counts as sent only when the broker has confirmed every message of it. A nack, a timeout or
    a broken connection fails the whole batch, which is published again later; consumers' inboxes
    make the repeats harmless.
    """

    def __init__(self, amqp_uri: str, *, timeout_seconds: float = 10.0) -> None:
        self._amqp_uri = amqp_uri
        self._timeout = timeout_seconds
        self._connection: Connection | None = None
        self._channel: Any = None
        self._declared: set[str] = set()
        self._next_tag = 0
        self._unconfirmed: set[int] = set()
        self._nacked = False

    def publish(self, envelope: dict[str, Any]) -> None:
        self.publish_batch([(envelope, json.dumps(envelope, ensure_ascii=False))])

    def publish_batch(self, events: list[tuple[dict[str, Any], str]]) -> None:
        """Publish (envelope, its JSON text) pairs: the text is the message body as stored, so a
        large event is not encoded a second time."""
        try:
            channel = self._ensure_channel()
            for source in {envelope["source"] for envelope, _ in events}:
                self._declare(channel, source)  # a round trip: never inside the single write
            with self._one_write():
                for envelope, body in events:
                    self._send(channel, envelope, body)
            self._wait_for_confirms()
        except Exception:
            self.close()
            raise

    def _declare(self, channel: Any, source: str) -> None:
        exchange = get_event_exchange(source, {})
        if exchange.name not in self._declared:
            exchange(channel).declare()
            self._declared.add(exchange.name)

    def _send(self, channel: Any, envelope: dict[str, Any], body: str) -> None:
        exchange_name = f"{envelope['source']}.events"
        message = amqp.Message(
            body,
            content_type="application/json",
            content_encoding="utf-8",
            delivery_mode=2,
            message_id=envelope["event_id"],
            application_headers=_context_headers(envelope),
        )
        channel._basic_publish(message, exchange=exchange_name, routing_key=envelope["event_type"])
        self._next_tag += 1
        self._unconfirmed.add(self._next_tag)

    @contextmanager
    def _one_write(self) -> Iterator[None]:
        """Frames of the whole batch go to the socket in one write, not one system call each."""
        assert self._connection is not None
        transport = self._connection.connection.transport
        send, pending = transport._write, bytearray()
        transport._write = pending.extend
        try:
            yield
        finally:
            transport._write = send
        send(bytes(pending))

    def _wait_for_confirms(self) -> None:
        ends_at = time.monotonic() + self._timeout
        assert self._connection is not None
        while self._unconfirmed:
            if self._nacked:
                raise MessageNacked("the broker refused to take an event")
            remaining = ends_at - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the broker did not confirm the events in time")
            self._connection.drain_events(timeout=remaining)

    def _on_ack(self, delivery_tag: int, multiple: bool) -> None:
        if multiple:
            self._unconfirmed = {tag for tag in self._unconfirmed if tag > delivery_tag}
        else:
            self._unconfirmed.discard(delivery_tag)

    def _on_nack(self, delivery_tag: int, multiple: bool) -> None:
        self._nacked = True

    def _ensure_channel(self) -> Any:
        if self._channel is None:
            connection = Connection(
                self._amqp_uri,
                connect_timeout=self._timeout,
                heartbeat=0,
                transport_options={"read_timeout": self._timeout, "write_timeout": self._timeout},
            )
            connect_once(connection)  # the relay backs off
            channel = connection.default_channel
            channel.confirm_select()
            channel.events["basic_ack"].add(self._on_ack)
            channel.events["basic_nack"].add(self._on_nack)
            self._connection, self._channel = connection, channel
            self._declared.clear()
            self._next_tag, self._unconfirmed, self._nacked = 0, set(), False
        return self._channel

    def close(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None:
            try:
                connection.release()
            except Exception:  # closing a broken connection may fail again; nothing to do
                log.debug("outbox.close_failed", exc_info=True)


class OutboxRelay:
    def __init__(
        self,
        engine: Engine,
        outbox: Table,
        publisher: EventPublisher,
        *,
        batch_size: int = 200,
        poll_seconds: float = 1.0,
        max_backoff_seconds: float = 15.0,
    ) -> None:
        self._engine = engine
        self._outbox = outbox
        self._publisher = publisher
        self._batch_size = batch_size
        self._poll_seconds = poll_seconds
        self._max_backoff = max_backoff_seconds
        self._wakeup = threading.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wakeup.set()

    def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()

    def close(self) -> None:
        self._publisher.close()

    def run(self) -> None:
        backoff = 0.0
        while not self._stopping:
            self._wakeup.clear()
            try:
                published = self.publish_pending()
            except Exception as exc:
                backoff = min(max(backoff * 2, 0.5), self._max_backoff)
                log.warning("outbox.publish_failed", error=repr(exc), retry_in_seconds=backoff)
                self._wakeup.wait(backoff)
                continue
            backoff = 0.0
            if published < self._batch_size:
                self._wakeup.wait(self._poll_seconds)

    def publish_pending(self) -> int:
        """Publish one batch of unsent events in commit order; returns how many were sent."""
        outbox = self._outbox
        claim = (
            select(outbox.c.id, outbox.c.payload)
            .where(outbox.c.published_at.is_(None))
            .order_by(outbox.c.id)
            .limit(self._batch_size)
            .with_for_update(skip_locked=True)
        )
        with self._engine.begin() as connection:
            rows = connection.execute(claim).all()
            if rows:
                events = [(json.loads(row.payload), row.payload) for row in rows]
                self._publisher.publish_batch(events)
                sent = [row.id for row in rows]
                connection.execute(
                    update(outbox)
                    .where(outbox.c.id.in_(sent))
                    .values(published_at=datetime.now(UTC))
                )
        return len(rows)


def _context_headers(envelope: dict[str, Any]) -> dict[str, str]:
    """The request's context for the consumers (nameko hands `nameko.*` headers to the worker)."""
    context = {key: envelope.get(key) for key in ("correlation_id", "traceparent")}
    return {f"nameko.{key}": value for key, value in context.items() if value}
