"""One correlation id per request, carried through logs, RPC calls and events.

The id lives in nameko's worker context data, which nameko copies into the headers of every outgoing
RPC call and event, and is bound into structlog's context for every log line the worker writes.
"""

from __future__ import annotations

import re
import uuid

import structlog
from nameko.containers import WorkerContext
from nameko.extensions import DependencyProvider

CORRELATION_KEY = "correlation_id"
_ACCEPTABLE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def acceptable(candidate: object) -> str | None:
    """A caller-supplied id, if it is short and plain enough to be logged safely."""
    if isinstance(candidate, str) and _ACCEPTABLE_ID.fullmatch(candidate):
        return candidate
    return None


class CorrelationId(DependencyProvider):
    """Gives each worker the correlation id it received, or a new one."""

    def get_dependency(self, worker_ctx: WorkerContext) -> str:
        """Runs in the worker's own greenthread, before any other dependency's worker_setup."""
        for key in [k for k in worker_ctx.data if k.startswith("x-")]:
            del worker_ctx.data[key]  # broker bookkeeping headers, not context to pass on
        correlation_id = acceptable(worker_ctx.data.get(CORRELATION_KEY)) or uuid.uuid4().hex
        worker_ctx.data[CORRELATION_KEY] = correlation_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            correlation_id=correlation_id,
            entrypoint=f"{worker_ctx.service_name}.{worker_ctx.entrypoint.method_name}",
        )
        return correlation_id

    def worker_teardown(self, worker_ctx: WorkerContext) -> None:
        structlog.contextvars.clear_contextvars()
