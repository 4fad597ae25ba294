"""Prometheus metrics of this process: each process (each replica) serves its own registry,
prometheus-client's default one, which also holds the process_* and python_* metrics.

The gateway serves them at `/metrics` on its web port, a service on its health listener
(HEALTH_PORT, infra.health_listener). Labels are bounded: route templates, method names,
subscriptions, outcomes, service names; never an id, a raw path or anything a person typed.
What is read from a database (outbox, inbox) is read when scraped: infra.metrics_collector.
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest

from infra.errors import GatewayTimeout, ServiceError, ServiceUnavailable

__all__ = ["CONTENT_TYPE_LATEST", "exposition"]

HTTP_REQUESTS = Counter(
    "smile_http_requests",
    "Requests the gateway answered, by route template, method and status",
    ["route", "method", "status"],
)
HTTP_DURATION = Histogram(
    "smile_http_request_duration_seconds",
    "Time from a request's arrival to its answer, by route template and method",
    ["route", "method"],
)
IDEMPOTENT_REPLAYS = Counter(
    "smile_idempotent_replays",
    "Resent POSTs answered with the stored answer of their Idempotency-Key, by route template",
    ["route"],
)
RATE_LIMITED = Counter(
    "smile_rate_limited", "Requests refused by a rate limit (429), by limit", ["limit"]
)
RPC_CALLS = Counter(
    "smile_rpc_calls",
    "RPC calls made to a service, by service and outcome "
    "(ok, refused: an expected error such as 404, error, timeout, unreachable)",
    ["service", "outcome"],
)
RPC_CALL_DURATION = Histogram(
    "smile_rpc_call_duration_seconds", "RPC calls made, time to the answer, by service", ["service"]
)
RPC_HANDLED = Counter(
    "smile_rpc_handled",
    "RPC requests a service answered, by method and outcome (ok, refused, error)",
    ["service", "method", "outcome"],
)
RPC_HANDLED_DURATION = Histogram(
    "smile_rpc_handled_duration_seconds",
    "RPC requests answered, time from delivery to reply, by method",
    ["service", "method"],
)
EVENTS = Counter(
    "smile_events",
    "Event deliveries handled, by subscription (the handler's queue) and outcome "
    "(consumed, retried, parked, requeued)",
    ["subscription", "outcome"],
)

IMPORT_ROWS = Counter(
    "smile_import_rows",
    "BMN import rows committed, by outcome (accepted: wrote something, unchanged, rejected); "
    "its rate is the import's rows per second",
    ["outcome"],
)


def rpc_outcome(error: BaseException | None) -> str:
    """ok, refused (an expected ServiceError: not found, invalid...), timeout, unreachable or
    error (anything unexpected)."""
    if error is None:
        return "ok"
    if isinstance(error, GatewayTimeout):
        return "timeout"
    if isinstance(error, ServiceUnavailable):
        return "unreachable"
    if isinstance(error, ServiceError):
        return "refused"
    return "error"


def exposition() -> bytes:
    """The registry in Prometheus' text format (CONTENT_TYPE_LATEST)."""
    return generate_latest(REGISTRY)
