"""The publisher that moves a failed event to its delay or parked queue.

Each message waits for the broker's confirm, on a connection of the publisher's own that is dropped
after any failure: a channel the broker refused once (a quorum queue that had no leader when the
channel first wrote to it, just after a node died) may go on refusing every later message, and
nameko's pooled publisher would hand that same channel out again.
"""

from __future__ import annotations

from typing import Any

from eventlet.semaphore import Semaphore
from kombu import Connection

from infra.brokers import connect_once
from infra.logs import get_logger

log = get_logger(__name__)
PERSISTENT = 2
TIMEOUT_SECONDS = 5


class ReroutePublisher:
    def __init__(self, amqp_uri: str) -> None:
        self._uri = amqp_uri
        self._lock = Semaphore()  # the workers of a container share the connection
        self._connection: Connection | None = None

    def publish(self, body: Any, *, exchange: str, routing_key: str, **options: Any) -> None:
        """Publish persistently and wait for the confirm; raises if the broker did not take it."""
        with self._lock:
            try:
                producer = self._connected().Producer()
                producer.publish(
                    body,
                    exchange=exchange,
                    routing_key=routing_key,
                    delivery_mode=PERSISTENT,
                    retry=False,
                    **options,
                )
            except Exception:
                self._drop()
                raise

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _connected(self) -> Connection:
        if self._connection is None:
            connection = Connection(
                self._uri,
                connect_timeout=TIMEOUT_SECONDS,
                heartbeat=0,
                transport_options={
                    "confirm_publish": True,  # py-amqp waits for each confirm; a nack raises
                    "read_timeout": TIMEOUT_SECONDS,
                    "write_timeout": TIMEOUT_SECONDS,
                },
            )
            connect_once(connection)
            self._connection = connection
        return self._connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.release()
            except Exception:  # closing a broken connection may fail again; nothing to do
                log.debug("reroute_publisher.close_failed", exc_info=True)
