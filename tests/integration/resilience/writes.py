"""A steady stream of household registrations over RPC, recording what every one of them got."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import eventlet
from nameko.exceptions import RemoteError
from nameko.standalone.rpc import ClusterRpcProxy

from infra.caller import SYSTEM
from tests.integration.helpers import household_payload, national_id

ADMIN = SYSTEM.to_dict()
ANSWER_SECONDS = 15  # longer than a write can take: a write that gets nothing was not answered


@dataclass
class Write:
    seed: int
    started: float
    finished: float = 0.0
    household_id: str | None = None  # the answer of an acknowledged write
    error: str | None = None  # the remote error's type, or what went wrong locally
    answered: bool = True  # False: no answer came (a timeout, a lost connection)

    @property
    def national_id(self) -> str:
        return national_id(self.seed)


@dataclass(kw_only=True)
class GreenWriters:
    """`writers` green threads, each writing one household after the other, `pause` apart; a
    subclass says how one writer writes (`_write`)."""

    writers: int = 3
    pause: float = 0.05
    writes: list[Any] = field(default_factory=list)
    _stopping: bool = False
    _threads: list[Any] = field(default_factory=list)

    def start(self) -> None:
        self._threads = [eventlet.spawn(self._write, number) for number in range(self.writers)]

    def stop(self) -> None:
        """Stop after each writer's current write."""
        self._stopping = True
        for thread in self._threads:
            thread.wait()

    def acknowledged(self, started_after: float = 0.0) -> list[Any]:
        return [w for w in self.writes if w.household_id and w.started >= started_after]

    def _write(self, number: int) -> None:
        raise NotImplementedError


@dataclass(kw_only=True)
class WriteStream(GreenWriters):
    """Registrations over RPC, each recorded with what it got."""

    config: dict[str, Any]
    first_seed: int = 100_000

    def failed(self) -> list[Write]:
        return [w for w in self.writes if w.household_id is None]

    def _write(self, number: int) -> None:
        seed = self.first_seed + number
        with ClusterRpcProxy(self.config, timeout=ANSWER_SECONDS) as proxy:
            while not self._stopping:
                self.writes.append(_register(proxy, seed))
                seed += self.writers
                eventlet.sleep(self.pause)


def _register(proxy: Any, seed: int) -> Write:
    write = Write(seed, time.monotonic())
    try:
        answer = proxy.households.register_household(ADMIN, household_payload(seed=seed))
        write.household_id = answer["id"]
    except RemoteError as exc:
        write.error = exc.exc_type
    except Exception as exc:  # recorded: the test fails on a write that got no answer
        write.error, write.answered = repr(exc), False
    write.finished = time.monotonic()
    return write
