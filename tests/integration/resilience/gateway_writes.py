"""A steady stream of household registrations through the gateway replicas, as a careful client
sends them: each write keeps its Idempotency-Key and is sent again, to the other gateway, until it
is acknowledged (201). Every attempt and what it got is recorded."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import eventlet
import requests

from tests.integration.helpers import household_payload
from tests.integration.resilience.writes import GreenWriters

ANSWER_SECONDS = 20  # longer than the gateway's RPC deadline: it always answers first
RETRY_PAUSE = 0.25
GIVE_UP_SECONDS = 120  # a write still failing then is left unacknowledged (the test fails)


@dataclass(frozen=True)
class Attempt:
    started: float
    finished: float
    outcome: str  # the HTTP status, or the exception's type when nothing was answered


@dataclass
class Write:
    seed: int
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    attempts: list[Attempt] = field(default_factory=list)
    household_id: str | None = None  # the answer of the acknowledged attempt

    @property
    def started(self) -> float:
        return self.attempts[0].started


@dataclass(kw_only=True)
class GatewayWrites(GreenWriters):
    """Registrations through the gateways, each sent again until acknowledged."""

    gateways: list[str]
    token: str
    pause: float = 0.1
    first_seed: int = 300_000

    def unacknowledged(self) -> list[Write]:
        return [w for w in self.writes if not w.household_id]

    def first_success_after(self, moment: float) -> float | None:
        """When the first attempt sent after `moment` was acknowledged."""
        acknowledging = [w.attempts[-1] for w in self.writes if w.household_id]
        return min((a.finished for a in acknowledging if a.started >= moment), default=None)

    def retried(self) -> list[Write]:
        return [w for w in self.writes if len(w.attempts) > 1]

    def outcomes(self) -> Counter[str]:
        return Counter(a.outcome for w in self.writes for a in w.attempts)

    def _write(self, number: int) -> None:
        seed, turn = self.first_seed + number, number
        while not self._stopping:
            write = Write(seed)
            self.writes.append(write)
            turn = self._complete(write, turn)
            seed += self.writers
            eventlet.sleep(self.pause)

    def _complete(self, write: Write, turn: int) -> int:
        """Send `write` until acknowledged, the next gateway after each failure."""
        gives_up_at = time.monotonic() + GIVE_UP_SECONDS
        while time.monotonic() < gives_up_at:
            answer = self._attempt(self.gateways[turn % len(self.gateways)], write)
            turn += 1
            if answer is not None:
                write.household_id = answer["id"]
                return turn
            eventlet.sleep(RETRY_PAUSE)
        return turn

    def _attempt(self, gateway: str, write: Write) -> dict[str, Any] | None:
        started = time.monotonic()
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": write.key}
        try:
            answer = requests.post(
                f"{gateway}/api/v1/households",
                json=household_payload(seed=write.seed),
                headers=headers,
                timeout=ANSWER_SECONDS,
            )
            outcome = str(answer.status_code)
        except requests.RequestException as exc:
            answer, outcome = None, type(exc).__name__
        write.attempts.append(Attempt(started, time.monotonic(), outcome))
        return answer.json() if answer is not None and answer.status_code == 201 else None
