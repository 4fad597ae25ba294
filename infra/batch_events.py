"""Event handlers that apply deliveries in windows: one worker and one transaction for what the
broker has delivered while the previous window was being applied (up to `EVENT_BATCH_WINDOW`
events, 25 by default).

Per queue one window is applied at a time, in delivery order, so events keep the order of their
queue. The decorated method takes a list of `infra.batches.Delivery` and returns one outcome per
delivery (`infra.batches.apply_all`); each is settled as `ReliableEventHandler` settles a single
event: acked, or moved to its retry or parked queue first. Under light load a window holds one
event and costs what an unbatched handler costs; under load the per-event work of a worker, a
transaction and a commit is shared by the window.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from eventlet.event import Event
from eventlet.queue import Empty, LightQueue
from kombu.message import Message
from nameko.containers import WorkerContext
from nameko.exceptions import ContainerBeingKilled

from infra.batches import Delivery
from infra.consumers import ResilientQueueConsumer
from infra.correlation import CORRELATION_KEY, acceptable
from infra.events import ReliableEventHandler
from infra.tracing import TRACEPARENT

WINDOW_KEY = "EVENT_BATCH_WINDOW"
DEFAULT_WINDOW = 25


def window_of(config: dict[str, Any]) -> int:
    return max(1, int(config.get(WINDOW_KEY, DEFAULT_WINDOW)))


class WindowQueueConsumer(ResilientQueueConsumer):
    """The batching handlers' own connection, prefetching two windows per queue: the next one
    arrives while one is being applied."""

    @property
    def prefetch_count(self) -> int:
        return 2 * window_of(self.container.config)


class BatchingEventHandler(ReliableEventHandler):
    queue_consumer = WindowQueueConsumer()

    def setup(self) -> None:
        super().setup()
        self._arrived: LightQueue = LightQueue()
        self._window = window_of(self.container.config)
        self._drainer: Any = None
        self._in_hand: list[tuple[Any, Message]] = []  # taken, no worker yet (a full pool)
        self._stopping = False

    def handle_message(self, body: Any, message: Message) -> None:
        """Runs in the consumer's thread: the message waits for the next window."""
        if self._drainer is None:
            self._drainer = self.container.spawn_managed_thread(
                self._apply_windows, identifier=f"windows:{self.queues.name}"
            )
        self._arrived.put((body, message))

    def stop(self) -> None:
        """No new window starts; the one being applied, if any, finishes and is settled by its
        worker (which the container waits for); what waits is handed back to the broker."""
        self._stopping = True
        super().stop()
        if self._drainer is not None:
            self._drainer.kill()  # idle, or waiting on the worker, which settles without it
        self._requeue(self._in_hand + self._waiting())

    def _apply_windows(self) -> None:
        while True:
            window = [self._arrived.get(), *self._waiting(self._window - 1)]
            if self._stopping:
                self._requeue(window)
                return
            applied, self._in_hand = Event(), window
            headers = [self.unpack_message_headers(message) for _, message in window]
            try:
                self.container.spawn_worker(
                    self,
                    ([_delivery(body, h) for (body, _), h in zip(window, headers, strict=True)],),
                    {},
                    context_data=headers[0],
                    handle_result=partial(self._settle_window, window, applied),
                )
            except ContainerBeingKilled:
                self._in_hand = []
                self._requeue(window)
                return
            self._in_hand = []  # (not in a `finally`: a kill while waiting for a free worker
            applied.wait()  # leaves the window in hand for `stop` to hand back)

    def _settle_window(
        self,
        window: list[tuple[Any, Message]],
        applied: Event,
        worker_ctx: WorkerContext,
        result: Any = None,
        exc_info: Any = None,
    ) -> tuple[Any, Any]:
        try:
            outcomes = [exc_info[1]] * len(window) if exc_info is not None else result
            for (_, message), error in zip(window, outcomes, strict=True):
                self.settle(message, error)
        finally:
            applied.send()
        return result, exc_info

    def _waiting(self, most: int | None = None) -> list[tuple[Any, Message]]:
        taken: list[tuple[Any, Message]] = []
        while most is None or len(taken) < most:
            try:
                taken.append(self._arrived.get_nowait())
            except Empty:
                break
        return taken

    def _requeue(self, window: list[tuple[Any, Message]]) -> None:
        for _, message in window:
            self.queue_consumer.requeue_message(message)


def _delivery(body: Any, headers: dict[str, Any]) -> Delivery:
    return Delivery(body, acceptable(headers.get(CORRELATION_KEY)), headers.get(TRACEPARENT))


batch_event_handler = BatchingEventHandler.decorator
