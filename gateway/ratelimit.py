"""Rate limits per person (every authenticated request) and per login attempt (username +
address).
"""

from __future__ import annotations

import math
import time

from limits import parse, storage, strategies
from nameko.extensions import SharedExtension

from infra.errors import TooManyRequests
from infra.metrics import RATE_LIMITED


class RateLimiter(SharedExtension):
    def setup(self) -> None:
        settings = self.container.config.get("RATE_LIMITS", {})
        backend = storage.storage_from_string(str(settings.get("storage") or "memory://"))
        # Requests: a cheap approximate window. Logins: an exact moving window, so a burst across
        # a window's edge never gets more guesses than the limit allows.
        self.limiter = strategies.SlidingWindowCounterRateLimiter(backend)
        self.login_limiter = strategies.MovingWindowRateLimiter(backend)
        self.per_person = parse(str(settings.get("per_person") or "600/minute"))
        self.login = parse(str(settings.get("login") or "10/minute"))

    def person(self, person_id: str) -> None:
        self._hit(self.limiter, self.per_person, "person", person_id)

    def login_attempt(self, username: str, address: str) -> None:
        self._hit(self.login_limiter, self.login, "login", username.lower(), address)

    def _hit(self, limiter: strategies.RateLimiter, limit: object, *identifiers: str) -> None:
        if limiter.hit(limit, *identifiers):  # type: ignore[arg-type]
            return
        RATE_LIMITED.labels(identifiers[0]).inc()  # person or login, never who
        reset = limiter.get_window_stats(limit, *identifiers).reset_time  # type: ignore[arg-type]
        wait = max(1, math.ceil(reset - time.time()))
        raise TooManyRequests("too many requests; slow down", retry_after=wait)
