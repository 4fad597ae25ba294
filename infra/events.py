"""Event handlers that never lose an event.

nameko acks a failed event by default, so a bug or an outage silently drops it. `event_handler` here
instead sends a failed event to a delay queue for a later retry, a bounded number of times with
growing delays, and then parks it in a dead-letter queue for inspection and replay. An
`UnprocessableEvent` (bad shape, unknown version) is parked at once: retrying cannot help it. A
failure of the database rather than of the event (it is down, unreachable or locked) is never
parked: the event waits in the longest delay queue again and again until the database is back, so
an outage of any length leaves nothing to replay by hand. Only once the event is safely in its
next queue (publisher confirms) is the delivery acked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kombu.message import Message
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.events import SERVICE_POOL, EventHandler
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from infra.consumers import ResilientQueueConsumer
from infra.envelope import UnprocessableEvent
from infra.logs import get_logger, redact
from infra.metrics import EVENTS
from infra.queues import ATTEMPT_HEADER, ERROR_HEADER, PARKED_AT_HEADER, HandlerQueues, retry_delays
from infra.reroute_publisher import ReroutePublisher

log = get_logger(__name__)


class ReliableEventHandler(EventHandler):
    queue_consumer = ResilientQueueConsumer()  # a lost connection while acking is not fatal

    def __init__(self, source_service: str, event_type: str, **kwargs: Any) -> None:
        super().__init__(
            source_service, event_type, handler_type=SERVICE_POOL, reliable_delivery=True, **kwargs
        )

    def setup(self) -> None:
        super().setup()
        config = self.container.config
        self.queues = HandlerQueues(
            self.source_service,
            self.event_type,
            self.container.service_name,
            self.method_name,
            retry_delays(config),
        )
        self.queue = self.queues.main()  # nameko's is a classic queue: ours is a quorum queue
        self.router = FailedEventRouter(ReroutePublisher(config[AMQP_URI_CONFIG_KEY]), self.queues)

    def stop(self) -> None:
        super().stop()
        self.router.publisher.close()

    def handle_result(
        self, message: Message, worker_ctx: Any, result: Any = None, exc_info: Any = None
    ) -> tuple[Any, Any]:
        self.settle(message, None if exc_info is None else exc_info[1])
        return result, exc_info

    def settle(self, message: Message, error: BaseException | None) -> None:
        """Ack a handled delivery; move a failed one to its retry or parked queue first (or
        requeue it if that move failed)."""
        if error is None:
            outcome = "consumed"
        elif self.router.reroute(message, error):
            outcome = "parked" if self.router.parks(message, error) else "retried"
        else:
            outcome = "requeued"
        if outcome == "requeued":
            self.queue_consumer.requeue_message(message)
        else:
            self.queue_consumer.ack_message(message)
        EVENTS.labels(self.queues.name, outcome).inc()


event_handler = ReliableEventHandler.decorator


class FailedEventRouter:
    """Moves a failed delivery to its next retry queue, or parks it."""

    def __init__(self, publisher: ReroutePublisher, queues: HandlerQueues) -> None:
        self.publisher = publisher
        self.queues = queues

    def parks(self, message: Message, error: BaseException) -> bool:
        """Whether this failure parks the event (else it is retried later)."""
        if isinstance(error, UnprocessableEvent):
            return True
        attempt = int(message.headers.get(ATTEMPT_HEADER, 0)) + 1
        return attempt > len(self.queues.delays_ms) and not database_unavailable(error)

    def reroute(self, message: Message, error: BaseException) -> bool:
        attempt = int(message.headers.get(ATTEMPT_HEADER, 0)) + 1
        park = self.parks(message, error)
        delays = len(self.queues.delays_ms)
        target = self.queues.parked() if park else self.queues.retry(min(attempt, delays))
        headers = {k: v for k, v in message.headers.items() if k != "x-death"}
        headers[ATTEMPT_HEADER] = attempt
        if park:
            headers[ERROR_HEADER] = redact(f"{type(error).__name__}: {error}")[:1000]
            headers[PARKED_AT_HEADER] = datetime.now(UTC).isoformat()
        try:
            self._publish(message, target, headers)
        except Exception as exc:
            log.error("event.reroute_failed", queue=self.queues.name, error=repr(exc))
            return False
        log.warning(
            "event.parked" if park else "event.retry_scheduled",
            queue=self.queues.name,
            event_id=message.properties.get("message_id"),
            attempt=attempt,
            error=type(error).__name__,
        )
        return True

    def _publish(self, message: Message, target: Any, headers: dict[str, Any]) -> None:
        parking = target.exchange.name == ""  # else a retry queue's exchange, keyed by our queue
        self.publisher.publish(
            message.body,
            exchange=target.exchange.name,
            routing_key=target.name if parking else self.queues.name,
            declare=[target],
            content_type=message.content_type,
            content_encoding=message.content_encoding,
            message_id=message.properties.get("message_id"),
            headers=headers,
        )


def database_unavailable(error: BaseException) -> bool:
    """Whether the database failed rather than the event: the same event would succeed once it is
    back (a lost or refused connection, no connection left in the pool, a PostgreSQL server that
    is shutting down or cancelled the statement, a SQLite file locked past the busy timeout)."""
    if isinstance(error, DisconnectionError | PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    driver = type(error.orig).__module__.split(".")[0]
    if driver == "psycopg2":
        return isinstance(error, OperationalError)
    return driver == "sqlite3" and "database is locked" in str(error.orig)
