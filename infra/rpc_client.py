"""Calling other services: deadlines, parallel fan-out, and replies without acknowledgements.

Each container has one reply queue, consumed without acks (a reply is transient and useless once
its caller is gone) by a single green thread that hands each reply straight to the waiting call.
Requests are transient, unconfirmed, and expire in the broker at the caller's deadline, so a
request is never executed after its caller gave up.
"""

from __future__ import annotations

import uuid
from typing import Any

import eventlet
from eventlet.event import Event
from kombu import Connection, Queue
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.containers import WorkerContext
from nameko.exceptions import RemoteError
from nameko.extensions import DependencyProvider, SharedExtension
from nameko.messaging import HeaderEncoder
from nameko.rpc import get_rpc_exchange

from infra import errors
from infra.logs import get_logger
from infra.metrics import RPC_CALL_DURATION, RPC_CALLS, rpc_outcome
from infra.publisher import SharedPublisher

log = get_logger(__name__)


class ReplyConsumer(SharedExtension):
    def setup(self) -> None:
        config = self.container.config
        self._uri = config[AMQP_URI_CONFIG_KEY]
        self.routing_key = uuid.uuid4().hex
        self.queue = Queue(
            f"rpc.reply-{self.container.service_name}-{self.routing_key}",
            exchange=get_rpc_exchange(config),
            routing_key=self.routing_key,
            durable=False,
            exclusive=True,  # deleted with the connection that consumes it (RabbitMQ 4 wants so)
            auto_delete=True,
        )
        self._waiting: dict[str, Event] = {}
        self._ready = Event()
        self._stopping = False

    def start(self) -> None:
        self._thread = self.container.spawn_managed_thread(self._run, identifier="rpc-replies")
        with eventlet.Timeout(30, False):
            self._ready.wait()  # callers may publish only once replies can arrive

    def stop(self) -> None:
        self._stopping = True
        with eventlet.Timeout(5, False):
            self._thread.wait()

    def expect(self, correlation_id: str) -> Event:
        self._waiting[correlation_id] = event = Event()
        return event

    def forget(self, correlation_id: str) -> None:
        self._waiting.pop(correlation_id, None)

    def _run(self) -> None:
        backoff = 0.0
        while not self._stopping:
            try:
                self._consume()
                backoff = 0.0
            except Exception as exc:
                backoff = min(max(backoff * 2, 0.5), 10.0)
                log.warning("rpc.replies_reconnecting", error=repr(exc), retry_in_seconds=backoff)
                eventlet.sleep(backoff)

    def _consume(self) -> None:
        with (
            Connection(self._uri, heartbeat=0) as connection,
            connection.Consumer(
                self.queue, callbacks=[self._on_reply], no_ack=True, accept=["json"]
            ),
        ):
            if not self._ready.ready():
                self._ready.send(True)
            while not self._stopping:
                try:
                    connection.drain_events(timeout=1)
                except TimeoutError:  # no reply within a second: check whether we are stopping
                    continue

    def _on_reply(self, body: Any, message: Any) -> None:
        waiting = self._waiting.pop(message.properties.get("correlation_id"), None)
        if waiting is not None:
            waiting.send(body)


class RpcClientCore(SharedExtension):
    """What every caller in a container shares: the reply queue, the publisher, the deadline."""

    replies = ReplyConsumer()
    publisher = SharedPublisher()

    def setup(self) -> None:
        self.timeout = float(self.container.config.get("RPC_TIMEOUT_SECONDS", 5))
        self.exchange = get_rpc_exchange(self.container.config)


class RpcClients(DependencyProvider):
    """Injects `Calls`: RPC to other services with a deadline, one at a time or fanned out."""

    core = RpcClientCore()

    def get_dependency(self, worker_ctx: WorkerContext) -> Calls:
        return Calls(self.core, worker_ctx)


class Calls(HeaderEncoder):
    def __init__(self, core: RpcClientCore, worker_ctx: WorkerContext) -> None:
        self._core = core
        self._worker_ctx = worker_ctx

    def call(self, service: str, method: str, *args: Any, timeout: float | None = None) -> Any:
        return self.start(service, method, *args, timeout=timeout).result()

    def start(
        self, service: str, method: str, *args: Any, timeout: float | None = None
    ) -> PendingCall:
        """Send the request now; collect the answer later with `.result()` (for fan-out)."""
        core = self._core
        deadline = timeout if timeout is not None else core.timeout
        correlation_id = uuid.uuid4().hex
        reply = core.replies.expect(correlation_id)
        try:
            core.publisher.publish(
                {"args": args, "kwargs": {}},
                exchange=core.exchange.name,
                routing_key=f"{service}.{method}",
                reply_to=core.replies.routing_key,
                correlation_id=correlation_id,
                expiration=deadline,
                headers=self.get_message_headers(self._worker_ctx),
            )
        except Exception as exc:
            core.replies.forget(correlation_id)
            RPC_CALLS.labels(service, "unreachable").inc()
            raise errors.ServiceUnavailable(
                f"message broker unreachable ({type(exc).__name__})"
            ) from exc
        return PendingCall(core.replies, correlation_id, reply, service, deadline)


class PendingCall:
    def __init__(
        self,
        replies: ReplyConsumer,
        correlation_id: str,
        reply: Event,
        service: str,
        deadline: float,
    ) -> None:
        self._replies = replies
        self._correlation_id = correlation_id
        self._reply = reply
        self.service = service
        self._started = eventlet.hubs.get_hub().clock()
        self._ends_at = self._started + deadline
        self._deadline = deadline
        self._counted = False

    def result(self) -> Any:
        try:
            answer = self._answer()
        except Exception as exc:
            self._count(exc)
            raise
        self._count(None)
        return answer

    def _count(self, error: BaseException | None) -> None:
        if not self._counted:  # a result read twice is one call
            self._counted = True
            RPC_CALLS.labels(self.service, rpc_outcome(error)).inc()
            elapsed = eventlet.hubs.get_hub().clock() - self._started
            RPC_CALL_DURATION.labels(self.service).observe(elapsed)

    def _answer(self) -> Any:
        remaining = max(0.0, self._ends_at - eventlet.hubs.get_hub().clock())
        body = None
        with eventlet.Timeout(remaining, False):
            body = self._reply.wait()
        if body is None:
            self._replies.forget(self._correlation_id)
            raise errors.GatewayTimeout(f"{self.service} did not answer within {self._deadline:g}s")
        if body.get("error"):
            raise _as_exception(self.service, body["error"])
        return body["result"]


def _as_exception(service: str, error: dict[str, Any]) -> Exception:
    known = errors.from_remote(error.get("exc_type", ""), error.get("value", ""))
    if known is not None:
        return known
    remote = RemoteError(error.get("exc_type"), error.get("value"))
    remote.service = service  # type: ignore[attr-defined]
    return remote
