"""A green thread that commits an import's batches in order while the next batch is checked.

The database works on batch N (in its own process, on the other core) while this process checks
batch N+1: the worker hands batches over through a queue of one, so at most one batch waits and
commits stay in file order. A failure in the writer is raised in the worker at its next hand-over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import eventlet
from eventlet.queue import LightQueue

Commit = Callable[..., None]


class BatchWriter:
    def __init__(self, commit: Commit) -> None:
        self._commit = commit
        self._queue: LightQueue = LightQueue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = eventlet.spawn(self._run)

    def put(self, *batch: Any) -> None:
        self._raise_failure()
        self._queue.put(batch)

    def close(self) -> None:
        """Wait for every batch handed over; raise what the writer failed with."""
        self._queue.put(None)
        self._thread.wait()
        self._raise_failure()

    def abandon(self) -> None:
        self._thread.kill()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._commit(*batch)
                except BaseException as exc:  # handed to the worker, which re-raises it
                    self._error = exc

    def _raise_failure(self) -> None:
        if self._error is not None:
            raise self._error
