"""Broker queues of one event handler: its own queue, its retry (delay) queues and its parked queue.

A failed event goes to `<queue>.retry.<delay>ms`, a queue whose messages expire after the delay and
are dead-lettered back to the handler's queue. After the last delay it goes to `<queue>.parked`,
where it stays until someone replays it (`python -m infra.deadletter`). Each retry queue holds one
delay only, so a long delay never holds up a short one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kombu import Queue
from nameko.standalone.events import get_event_exchange

ATTEMPT_HEADER = "x-smile-attempt"
ERROR_HEADER = "x-smile-error"
PARKED_AT_HEADER = "x-smile-parked-at"
DEFAULT_RETRY_DELAYS_MS = (1000, 10000, 60000)


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
        return Queue(self.name, exchange=exchange, routing_key=self.event_type, durable=True)

    def retry(self, attempt: int) -> Queue:
        """Where the event waits before its `attempt`-th retry (1-based)."""
        delay = self.delays_ms[attempt - 1]
        return Queue(
            f"{self.name}.retry.{delay}ms",
            durable=True,
            queue_arguments={
                "x-message-ttl": delay,
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": self.name,
            },
        )

    def parked(self) -> Queue:
        return Queue(f"{self.name}.parked", durable=True)

    def all(self) -> list[Queue]:
        retries = [self.retry(n) for n in range(1, len(self.delays_ms) + 1)]
        return [self.main(), *retries, self.parked()]
