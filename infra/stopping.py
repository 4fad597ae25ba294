"""Letting a long-running timer worker end early when its service stops.

nameko stops a container by stopping its entrypoints and then waiting for every running worker,
so a worker that runs for minutes (a large import) holds the stop up until the runner gives up
and kills it. A `StoppableTimer` notes that its stop has begun; the `StopRequested` dependency
lets the worker ask, between steps, and leave the rest for the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nameko.extensions import DependencyProvider
from nameko.timer import Timer


class StoppableTimer(Timer):
    stop_requested = False

    def stop(self) -> None:
        self.stop_requested = True
        super().stop()


class StopRequested(DependencyProvider):
    """Injects a callable: True once the entrypoint running this worker has begun to stop."""

    def get_dependency(self, worker_ctx: Any) -> Callable[[], bool]:
        entrypoint = worker_ctx.entrypoint
        return lambda: bool(getattr(entrypoint, "stop_requested", False))
