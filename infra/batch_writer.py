"""Commits an import's batches in file order while the next batches are checked and written.

The database works on batch N (in its own processes, on the other cores) while this process
checks batch N+1. With several lanes, several batches are written at once, each in its own
transaction on its own connection, but each waits for its predecessor to commit before it commits
(`wait_turn`), so the committed batches are always a prefix of the file and a resumed import
never skips one. After a failure no later batch commits; the failure is raised in the worker at
its next hand-over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventlet.event import Event
from eventlet.greenpool import GreenPool

WaitTurn = Callable[[], None]
Commit = Callable[..., None]  # commit(lane, *batch, wait_turn)


class EarlierBatchFailed(Exception):
    """An earlier batch failed: this one must not commit."""


class BatchWriter:
    def __init__(self, commit: Commit, lanes: int = 1) -> None:
        self._commit = commit
        self._pool = GreenPool(lanes)
        self._free_lanes = list(range(lanes))
        self._previous: Event | None = None  # sends whether the batch before committed
        self._error: BaseException | None = None

    def put(self, *batch: Any) -> None:
        """Hand a batch over; waits while every lane is busy."""
        self._raise_failure()
        previous, committed = self._previous, Event()
        self._previous = committed
        self._pool.spawn(self._write, batch, previous, committed)

    def close(self) -> None:
        """Wait for every batch handed over; raise what a lane failed with."""
        self._pool.waitall()
        self._raise_failure()

    def abandon(self) -> None:
        for thread in list(self._pool.coroutines_running):
            thread.kill()

    def _write(self, batch: tuple[Any, ...], previous: Event | None, committed: Event) -> None:
        lane = self._free_lanes.pop()

        def wait_turn() -> None:
            if previous is not None and not previous.wait():
                raise EarlierBatchFailed()

        succeeded = False
        try:
            self._commit(lane, *batch, wait_turn)
            succeeded = True
        except BaseException as exc:  # handed to the worker, which re-raises it
            if self._error is None:
                self._error = exc
        finally:
            self._free_lanes.append(lane)
            committed.send(succeeded)

    def _raise_failure(self) -> None:
        if self._error is not None:
            self._pool.waitall()  # batches before the failed one still commit; later ones do not
            raise self._error
