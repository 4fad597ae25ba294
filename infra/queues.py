"""Broker queues of one event handler: its own queue, the retry (delay) queues, its parked queue.

Every queue that holds events is a quorum queue (replicated across a cluster's nodes, its messages
on disk), dead-lettering at least once. A failed event waits in `smile.retry.<delay>ms`, one queue
per delay shared by every handler: it is published there through a fanout exchange of the same
name with the handler's queue as its routing key, and when the delay expires the broker
dead-letters it to the default exchange under that key, i.e. back into the handler's queue. Each
delay has its own queue, so a long delay never holds up a short one. After the last delay the event
goes to `<queue>.parked`, where it stays until someone replays it (`python -m infra.deadletter`); so
does an event that came back to its handler DELIVERY_LIMIT times without being settled (a process
that crashes on it every time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kombu import Exchange, Queue
from nameko.rpc import RPC_QUEUE_TEMPLATE, get_rpc_exchange
from nameko.standalone.events import get_event_exchange

ATTEMPT_HEADER = "x-smile-attempt"
ERROR_HEADER = "x-smile-error"
PARKED_AT_HEADER = "x-smile-parked-at"
DEFAULT_RETRY_DELAYS_MS = (1000, 10000, 60000)
# leaders spread over a cluster's nodes (else all on the node the topology command reached first,
# which every client also reaches first: losing it would leave every queue leaderless at once)
QUORUM_ONLY = {"x-queue-type": "quorum", "x-queue-leader-locator": "balanced"}
DELIVERY_LIMIT = 20  # deliveries of one event to its handler before it is parked unsettled
QUORUM = {
    **QUORUM_ONLY,
    "x-dead-letter-strategy": "at-least-once",  # the broker keeps it until the target confirms
    "x-overflow": "reject-publish",  # which at-least-once dead-lettering requires
}


def retry_delays(config: dict[str, Any]) -> tuple[int, ...]:
    return tuple(int(d) for d in config.get("EVENT_RETRY_DELAYS_MS", DEFAULT_RETRY_DELAYS_MS))


@dataclass(frozen=True)
class HandlerQueues:
    source: str
    event_type: str
    service: str
    method: str
    delays_ms: Sequence[int]

    @property
    def name(self) -> str:
        """nameko's name for a service-pool event handler queue."""
        return f"evt-{self.source}-{self.event_type}--{self.service}.{self.method}"

    def main(self) -> Queue:
        exchange = get_event_exchange(self.source, {})
        arguments = {
            **QUORUM,
            "x-delivery-limit": DELIVERY_LIMIT,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": self.parked().name,
        }
        return Queue(
            self.name,
            exchange=exchange,
            routing_key=self.event_type,
            durable=True,
            queue_arguments=arguments,
        )

    def retry(self, attempt: int) -> Queue:
        """Where the event waits before its `attempt`-th retry (1-based); publish it to the queue's
        exchange with `self.name` as the routing key."""
        return retry_queue(self.delays_ms[attempt - 1])

    def parked(self) -> Queue:
        return Queue(f"{self.name}.parked", durable=True, queue_arguments=QUORUM_ONLY)

    def all(self) -> list[Queue]:
        """The queues this handler needs declared (the retry queues are shared: `shared_queues`)."""
        return [self.main(), self.parked()]

    def former_retry_names(self) -> list[str]:
        """The delay queues of this handler alone, as versions before the shared ones had."""
        return [f"{self.name}.retry.{delay}ms" for delay in self.delays_ms]


def retry_queue(delay_ms: int) -> Queue:
    """The delay queue every handler shares: dead-lettered by each message's own routing key."""
    name = f"smile.retry.{delay_ms}ms"
    return Queue(
        name,
        exchange=Exchange(name, type="fanout", durable=True),
        durable=True,
        queue_arguments={**QUORUM, "x-message-ttl": delay_ms, "x-dead-letter-exchange": ""},
    )


def shared_queues(delays_ms: Sequence[int]) -> list[Queue]:
    return [retry_queue(delay) for delay in delays_ms]


def rpc_queue(service: str, config: dict[str, Any]) -> Queue:
    """A service's RPC request queue, quorum so that it outlives the loss of any one node."""
    return Queue(
        RPC_QUEUE_TEMPLATE.format(service),
        exchange=get_rpc_exchange(config),
        routing_key=f"{service}.*",
        durable=True,
        queue_arguments=QUORUM_ONLY,
    )
