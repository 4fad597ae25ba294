"""The queue consumer every entrypoint shares, hardened against a lost broker connection.

nameko's `QueueConsumer` reconnects by itself (kombu's `ConsumerMixin` loops on connection
errors), but a worker settles its message from its own green thread: an ack or requeue written to a
socket the broker has just reset raises `ConnectionResetError` (an `OSError`, which nameko does not
catch: it only catches py-amqp's `ConnectionError`). That error escapes the worker, and nameko
kills the whole container for it. Here any connection or channel error while settling is logged
and dropped: the broker never saw the ack, so it redelivers the message on the new connection, and
the inbox absorbs the duplicate. The same holds for cancelling consumers while stopping.

AMQP_URI may list several brokers (infra.brokers): nameko's reconnect warning hides the password
of the first one only; here every one is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from amqp import Connection as AmqpConnection
from nameko.messaging import QueueConsumer

from infra.brokers import hidden_passwords
from infra.logs import get_logger

log = get_logger(__name__)
BROKER_ERRORS = AmqpConnection.connection_errors + AmqpConnection.channel_errors


class ResilientQueueConsumer(QueueConsumer):
    live_connection: Any = None  # the connection consuming now (kombu hands it over when ready)

    @property
    def broker_connected(self) -> bool:
        """Read by the health probes (infra.health_listener): no traffic to the broker."""
        return self.live_connection is not None and bool(self.live_connection.connected)

    def on_connection_error(self, exc: Exception, interval: float) -> None:
        log.warning(
            "queue.connect_failed",
            brokers=hidden_passwords(self.amqp_uri),
            error=repr(exc),
            retry_in_seconds=interval,
        )

    def on_consume_ready(
        self, connection: Any, channel: Any, consumers: Any, **kwargs: Any
    ) -> None:
        self.live_connection = connection
        super().on_consume_ready(connection, channel, consumers, **kwargs)

    def ack_message(self, message: Any) -> None:
        self._settle(message, message.ack, "ack")

    def requeue_message(self, message: Any) -> None:
        self._settle(message, message.requeue, "requeue")

    def _settle(self, message: Any, settle: Callable[[], None], action: str) -> None:
        # a channel closed by a reconnect has no connection: the broker has reclaimed the message
        if message.channel is None or not message.channel.connection:
            return
        try:
            settle()
        except BROKER_ERRORS as exc:
            log.warning(
                "queue.settle_lost",
                action=action,
                event_id=message.properties.get("message_id"),
                error=repr(exc),
            )

    def unregister_provider(self, provider: Any) -> None:
        """As nameko's, but a stop that comes while the consumers are still starting (declaring
        their queues) releases the waiting stop once: nameko signals it again for each provider,
        and the second signal raises in the stopping thread, which makes the process exit 1."""
        if not self._consumers_ready.ready():
            self._released_early = True
            if not self._last_provider_unregistered.ready():
                self._last_provider_unregistered.send()
            return
        super().unregister_provider(provider)

    def stop(self) -> None:
        """As nameko's, but if providers left while the consumers were starting and the start
        has finished since, the consumer loop is told to end: nothing else would cancel their
        consumers, and nameko would wait for the loop forever (a service with many queues can
        still be declaring them when a quick stop arrives)."""
        if getattr(self, "_released_early", False):
            self.should_stop = True
        super().stop()

    def _cancel_consumers_if_requested(self) -> None:
        """As nameko's, but a consumer whose connection is gone still counts as cancelled, so a
        stop waiting on it is released."""
        requested, self._pending_remove_providers = self._pending_remove_providers, {}
        for provider, removed in requested.items():
            consumer = self._consumers.pop(provider)
            try:
                consumer.cancel()
            except BROKER_ERRORS as exc:
                log.warning("queue.cancel_lost", error=repr(exc))
            removed.send()
