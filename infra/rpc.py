"""RPC entrypoints: `@rpc`, with cheaper replies; clients live in infra.rpc_client.

Compared with nameko's defaults, a reply goes out on the container's long-lived channel, transient
and unconfirmed: the reply is the acknowledgement, so a broker round trip per message buys nothing
(events, which must not be lost, keep confirms: see outbox.py). `ServiceError`s raised by a method
travel back to the caller intact.
"""

from __future__ import annotations

import json
import time
from typing import Any

from nameko.exceptions import UnserializableValueError, serialize
from nameko.rpc import Rpc as NamekoRpc
from nameko.rpc import RpcConsumer, get_rpc_exchange
from sqlalchemy.exc import InterfaceError, OperationalError

from infra import errors
from infra.consumers import ResilientQueueConsumer
from infra.logs import get_logger
from infra.metrics import RPC_HANDLED, RPC_HANDLED_DURATION, rpc_outcome
from infra.publisher import SharedPublisher
from infra.queues import rpc_queue
from infra.rpc_client import Calls, PendingCall, RpcClientCore, RpcClients

__all__ = ["Calls", "PendingCall", "Rpc", "RpcClientCore", "RpcClients", "rpc"]
log = get_logger(__name__)
DATABASE_RETRY_AFTER_SECONDS = 5


class _RpcConsumer(RpcConsumer):
    queue_consumer = ResilientQueueConsumer()
    publisher = SharedPublisher()

    def setup(self) -> None:
        """nameko's request queue, as a quorum queue: it outlives the loss of any one node."""
        if self.queue is None:
            self.queue = rpc_queue(self.container.service_name, self.container.config)
            self.queue_consumer.register_provider(self)
            self._registered = True

    def handle_result(self, message: Any, result: Any, exc_info: Any) -> tuple[Any, Any]:
        reply, result = _reply(result, exc_info)
        try:
            self.publisher.publish_json(
                reply,
                exchange=get_rpc_exchange(self.container.config).name,
                routing_key=message.properties["reply_to"],
                correlation_id=message.properties.get("correlation_id"),
            )
        except Exception as exc:  # the caller times out; the service carries on
            log.error("rpc.reply_failed", error=repr(exc))
        self.queue_consumer.ack_message(message)
        return result, exc_info


def _reply(result: Any, exc_info: Any) -> tuple[str, Any]:
    """The reply encoded once, as it is published; a result JSON cannot carry becomes an error,
    and a database that cannot be reached just now a 503 the caller may retry."""
    error = serialize(_unavailable_if_database_down(exc_info[1])) if exc_info is not None else None
    try:
        return json.dumps({"result": result, "error": error}), result
    except (TypeError, ValueError):
        unserializable = serialize(UnserializableValueError(result))
        return json.dumps({"result": None, "error": unserializable}), None


def _unavailable_if_database_down(error: BaseException) -> BaseException:
    """A lost or refused database connection, a lock or deadlock (OperationalError) is transient:
    the caller gets 503 with Retry-After, not a 502 carrying the statement."""
    if isinstance(error, OperationalError | InterfaceError):
        return errors.ServiceUnavailable(
            "the database cannot be reached just now; try again shortly",
            retry_after=DATABASE_RETRY_AFTER_SECONDS,
        )
    return error


class Rpc(NamekoRpc):
    rpc_consumer = _RpcConsumer()

    def handle_message(self, body: Any, message: Any) -> None:
        message.smile_received = time.perf_counter()  # latency includes waiting for a worker
        super().handle_message(body, message)

    def handle_result(
        self, message: Any, worker_ctx: Any, result: Any, exc_info: Any
    ) -> tuple[Any, Any]:
        result, exc_info = super().handle_result(message, worker_ctx, result, exc_info)
        service = self.container.service_name
        outcome = rpc_outcome(exc_info[1] if exc_info else None)
        RPC_HANDLED.labels(service, self.method_name, outcome).inc()
        received = getattr(message, "smile_received", None)
        if received is not None:
            elapsed = time.perf_counter() - received
            RPC_HANDLED_DURATION.labels(service, self.method_name).observe(elapsed)
        return result, exc_info


def rpc(fn: Any = None, **options: Any) -> Any:
    """`@rpc`: ServiceErrors are expected outcomes (one INFO line, not a crash: infra.logs)."""
    options.setdefault("expected_exceptions", errors.ServiceError)
    decorator = Rpc.decorator(**options)
    return decorator(fn) if fn is not None else decorator
