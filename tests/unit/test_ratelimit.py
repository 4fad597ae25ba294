"""The login limit is exact: guesses straddling a window's edge get no more than the limit."""

import time
from types import SimpleNamespace

import pytest

from gateway.ratelimit import RateLimiter
from infra.errors import TooManyRequests


def limiter(login: str) -> RateLimiter:
    made = RateLimiter()
    made.container = SimpleNamespace(config={"RATE_LIMITS": {"login": login}})
    made.setup()
    return made


def test_guesses_across_a_window_edge_still_hit_the_login_limit():
    limits = limiter("10/second")
    time.sleep(1 - time.time() % 1 - 0.05)  # five guesses just before a second's edge...
    for _ in range(5):
        limits.login_attempt("Somsri", "10.0.0.7")
    time.sleep(0.1)  # ...five just after it
    for _ in range(5):
        limits.login_attempt("somsri", "10.0.0.7")
    with pytest.raises(TooManyRequests) as refused:
        limits.login_attempt("somsri", "10.0.0.7")
    assert refused.value.extra["retry_after"] >= 1
    limits.login_attempt("somsri", "10.0.0.8")  # another address has its own count
