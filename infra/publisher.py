"""One long-lived AMQP channel per container for messages that need no confirm (RPC requests and
replies). nameko's own publisher builds a connection object and takes one from a pool for every
message, and kombu's producer adds its own bookkeeping; on a gateway making thousands of calls a
second that is most of the cost, so this writes through py-amqp's channel directly."""

from __future__ import annotations

import json
from typing import Any

import amqp
from eventlet.semaphore import Semaphore
from kombu import Connection
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import SharedExtension
from nameko.rpc import get_rpc_exchange

from infra.logs import get_logger

log = get_logger(__name__)
TRANSIENT = 1


class SharedPublisher(SharedExtension):
    def setup(self) -> None:
        self._uri = self.container.config[AMQP_URI_CONFIG_KEY]
        self._rpc_exchange = get_rpc_exchange(self.container.config)
        self._lock = Semaphore()  # one frame at a time on the shared channel
        self._connection: Connection | None = None
        self._channel: Any = None

    def publish(self, body: Any, **options: Any) -> None:
        """Publish `body` as transient JSON (options as for `publish_json`)."""
        self.publish_json(json.dumps(body), **options)

    def publish_json(
        self,
        text: str,
        *,
        exchange: str,
        routing_key: str,
        headers: dict[str, Any] | None = None,
        expiration: float | None = None,
        **properties: Any,
    ) -> None:
        """Publish JSON text as a transient message; reconnects once if the connection has gone
        away."""
        if expiration is not None:
            properties["expiration"] = str(int(expiration * 1000))
        message = amqp.Message(
            text,
            content_type="application/json",
            content_encoding="utf-8",
            application_headers=headers or {},
            delivery_mode=TRANSIENT,
            **properties,
        )
        with self._lock:
            try:
                self._ensure().basic_publish(message, exchange=exchange, routing_key=routing_key)
            except Exception as first:
                log.warning("publisher.reconnecting", error=repr(first))
                self._reset()
                self._ensure().basic_publish(message, exchange=exchange, routing_key=routing_key)

    def _ensure(self) -> Any:
        if self._channel is None:
            # No heartbeats: an idle publisher must not be dropped by the broker; a dead connection
            # shows itself as a failed write, and the caller's deadline covers the rest.
            connection = Connection(
                self._uri,
                heartbeat=0,
                connect_timeout=5,
                transport_options={"read_timeout": 5, "write_timeout": 5},
            )
            connection.ensure_connection(max_retries=1, interval_start=0)
            channel = connection.default_channel
            self._rpc_exchange(channel).declare()
            self._connection, self._channel = connection, channel
        return self._channel

    def _reset(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None:
            try:
                connection.release()
            except Exception:  # already broken; nothing more to free
                log.debug("publisher.release_failed", exc_info=True)

    def stop(self) -> None:
        with self._lock:
            self._reset()

    def kill(self) -> None:
        self._reset()
