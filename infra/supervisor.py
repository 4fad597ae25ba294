"""Supervision for `make run`, as systemd's `Restart=on-failure` or compose's `restart: on-failure`.

A child that dies is started again after a pause that doubles with each restart in the recent
window (`RESTART_DELAY_SECONDS`, up to `RESTART_MAX_DELAY_SECONDS`). A child that needed more than
`RESTART_LIMIT` restarts within `RESTART_WINDOW_SECONDS` is crash-looping: the supervisor gives up,
and the launcher stops everything and exits non-zero, so whatever runs it sees the failure.
Nothing here sleeps or reads the clock by itself: the launcher's loop calls `tick()` with the time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class Child(Protocol):
    returncode: int | None

    def poll(self) -> int | None: ...


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 30.0
    limit: int = 5
    window: float = 120.0

    @classmethod
    def of(cls, config: dict[str, Any]) -> RestartPolicy:
        return cls(
            float(config.get("RESTART_DELAY_SECONDS", cls.first_delay)),
            float(config.get("RESTART_MAX_DELAY_SECONDS", cls.max_delay)),
            int(config.get("RESTART_LIMIT", cls.limit)),
            float(config.get("RESTART_WINDOW_SECONDS", cls.window)),
        )

    def delay(self, recent_restarts: int) -> float:
        return min(self.first_delay * 2**recent_restarts, self.max_delay)


@dataclass
class Supervised:
    name: str
    process: Child | None
    restarts: deque[float] = field(default_factory=deque)
    start_at: float | None = None  # when a dead child is due to start again


class CrashLoop(Exception):
    """A child died again and again: the supervisor gave up on it."""


class Supervisor:
    def __init__(
        self,
        spawn: Callable[[str], Child],
        policy: RestartPolicy,
        say: Callable[[str], None] = print,
    ) -> None:
        self.spawn = spawn
        self.policy = policy
        self.say = say
        self.children: dict[str, Supervised] = {}

    def start(self, names: list[str]) -> None:
        for name in names:
            self.children[name] = Supervised(name, self.spawn(name))

    def processes(self) -> dict[str, Child]:
        return {c.name: c.process for c in self.children.values() if c.process is not None}

    def tick(self, now: float) -> None:
        """Notice dead children, schedule their restart, start those that are due; raises
        CrashLoop when one has used up its restarts."""
        for child in self.children.values():
            if child.process is not None and child.process.poll() is not None:
                self._died(child, now)
            if child.start_at is not None and now >= child.start_at:
                child.start_at = None
                child.process = self.spawn(child.name)

    def _died(self, child: Supervised, now: float) -> None:
        code = child.process.returncode if child.process is not None else None
        child.process = None
        while child.restarts and now - child.restarts[0] > self.policy.window:
            child.restarts.popleft()
        if len(child.restarts) >= self.policy.limit:
            raise CrashLoop(
                f"{child.name} exited with {code} after {len(child.restarts)} restarts within "
                f"{self.policy.window:g}s: it is crash-looping"
            )
        delay = self.policy.delay(len(child.restarts))
        child.restarts.append(now)
        child.start_at = now + delay
        self.say(
            f"launcher: {child.name} exited with {code}; restarting it in {delay:g}s "
            f"(restart {len(child.restarts)} of {self.policy.limit} allowed "
            f"within {self.policy.window:g}s)"
        )
