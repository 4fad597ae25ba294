"""Timers for the services: intervals from configuration, and an early end when a service stops.

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


class ConfiguredTimer(StoppableTimer):
    """A timer whose interval is the `setting` of the service's own configuration block
    (`HOUSEHOLDS`, `NOTIFICATIONS`: the service name in capitals), `default` when absent."""

    def __init__(self, setting: str, default: float, **kwargs: Any) -> None:
        super().__init__(interval=default, **kwargs)
        self.setting = setting

    def setup(self) -> None:
        block = self.container.config.get(self.container.service_name.upper()) or {}
        self.interval = float(block.get(self.setting, self.interval))


configured_timer = ConfiguredTimer.decorator
