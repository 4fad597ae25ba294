"""One long-lived AMQP channel per container for messages that need no confirm (RPC requests and
replies). nameko's own publisher builds a connection object and takes one from a pool for every
message, and kombu's producer adds its own bookkeeping; on a gateway making thousands of calls a
second that is most of the cost, so this writes through py-amqp's channel directly.

The caller never waits for a confirm, but the channel is in confirm mode all the same, and the
broker's answers are read (without waiting) before each message: a message the broker refused
means the channel may be broken for good, and the next message goes through a new one. A channel
that first wrote to a quorum queue while the queue's leader was down (its node had just died)
drops every later message to that queue without a word (RabbitMQ 3.10); in confirm mode the broker
refuses (nacks) those messages instead, which is how the publisher learns of it."""

from __future__ import annotations

import json
from typing import Any

import amqp
from eventlet.semaphore import Semaphore
from kombu import Connection
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import SharedExtension
from nameko.rpc import get_rpc_exchange

from infra.brokers import connect_once
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
        self._refused = False  # the broker refused a message sent on the current channel

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
            self._replace_if_refused()
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
            connect_once(connection)
            channel = connection.default_channel
            channel.confirm_select()  # acks are read and dropped; a nack replaces the channel
            channel.events["basic_nack"].add(self._on_nack)
            self._rpc_exchange(channel).declare()
            self._connection, self._channel, self._refused = connection, channel, False
        return self._channel

    def _on_nack(self, delivery_tag: int, multiple: bool) -> None:
        self._refused = True

    def _replace_if_refused(self) -> None:
        """After the broker refused a message, drop the channel: the next message opens a new one.
        The refused message is lost; its caller's deadline covers that."""
        if self._connection is not None and not self._read_answers():
            self._reset()  # the connection broke: the publish reconnects
        elif self._refused:
            log.warning("publisher.refused")
            self._reset()

    def _read_answers(self) -> bool:
        """Take in the broker's acks and nacks so far, without waiting; False if it broke."""
        assert self._connection is not None
        try:
            while True:
                self._connection.drain_events(timeout=0)
        except TimeoutError:  # nothing more to read
            return True
        except Exception as exc:
            log.warning("publisher.reconnecting", error=repr(exc))
            return False

    def _reset(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        self._refused = False
        if connection is not None:
            try:
                connection.release()
            except Exception:  # already broken; nothing more to free
                log.debug("publisher.release_failed", exc_info=True)

    def stop(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._read_answers()  # else py-amqp warns of each ack that arrives as it closes
            self._reset()

    def kill(self) -> None:
        self._reset()
