"""Traces (OpenTelemetry), off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is configured.

One trace follows a request: the gateway's worker span, the RPC it makes (the W3C `traceparent`
travels in the message headers as nameko's context data), the service's worker span with a span
per SQL statement, the events the change published (the `traceparent` is kept in the outbox row's
envelope, so it survives the relay) and the consumers' worker spans. Every worker span carries the
request's correlation id. Spans go to the OTLP/HTTP endpoint in batches, from a green thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from nameko.containers import WorkerContext
from nameko.extensions import DependencyProvider
from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import (
    ALWAYS_OFF,
    ALWAYS_ON,
    ParentBased,
    Sampler,
    SamplingResult,
)
from opentelemetry.trace import SpanKind, Status, StatusCode

from infra.correlation import CORRELATION_KEY

TRACEPARENT = "traceparent"
ENDPOINT_KEY = "OTEL_EXPORTER_OTLP_ENDPOINT"
_provider: TracerProvider | None = None


def configure(config: dict[str, Any], process: str) -> bool:
    """Send this process's spans to the configured endpoint; False (nothing done) without one."""
    global _provider
    endpoint = str(config.get(ENDPOINT_KEY) or "")
    if not endpoint or _provider is not None:
        return _provider is not None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    resource = Resource.create({"service.name": process})
    _provider = TracerProvider(resource=resource, sampler=ParentBased(root=WorkersOnly()))
    exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")
    _provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(_provider)
    # engines made from now on; its declared range stops at SQLAlchemy 2.0, 2.1 works the same
    SQLAlchemyInstrumentor().instrument(tracer_provider=_provider, skip_dep_check=True)
    return True


def shutdown() -> None:
    """Send what is still buffered (at the process's end)."""
    if _provider is not None:
        _provider.shutdown()


def current_traceparent() -> str | None:
    """The W3C traceparent of the span now running in this green thread, if tracing is on."""
    if _provider is None:
        return None
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get(TRACEPARENT)


@contextmanager
def event_span(name: str, traceparent: str | None, correlation_id: str | None) -> Iterator[None]:
    """A consumer span for one event of a batch, child of the traceparent the event carried (a
    batch's worker span has the first event's only); the events it emits carry this span on."""
    if _provider is None:
        yield
        return
    span, token = _open_span(_provider, name, traceparent, correlation_id, SpanKind.CONSUMER)
    try:
        yield
    except BaseException as error:
        span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        raise
    finally:
        span.end()
        context.detach(token)


class WorkersOnly(Sampler):
    """A trace starts only at a worker (a request, a call, an event, a timer): SQL statements of
    the outbox relay or a health probe, which run outside any worker, are not traced alone."""

    def should_sample(
        self,
        parent_context: Any,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Any = None,
        links: Sequence[Any] | None = None,
        trace_state: Any = None,
    ) -> SamplingResult:
        root = ALWAYS_ON if kind in (SpanKind.SERVER, SpanKind.CONSUMER) else ALWAYS_OFF
        return root.should_sample(parent_context, trace_id, name, kind, attributes, links)

    def get_description(self) -> str:
        return "WorkersOnly"


class Tracing(DependencyProvider):
    """A span around each worker, child of the traceparent the message carried; the worker's
    outgoing calls and events carry this span onwards."""

    def __init__(self) -> None:
        self._open: dict[WorkerContext, tuple[Any, object]] = {}

    def worker_setup(self, worker_ctx: WorkerContext) -> None:
        if _provider is None:
            return
        self._open[worker_ctx] = _open_span(
            _provider,
            f"{worker_ctx.service_name}.{worker_ctx.entrypoint.method_name}",
            worker_ctx.data.get(TRACEPARENT),
            worker_ctx.data.get(CORRELATION_KEY),
            _kind(worker_ctx),
        )
        worker_ctx.data[TRACEPARENT] = current_traceparent()

    def worker_result(self, worker_ctx: WorkerContext, result: Any = None, exc_info: Any = None):
        opened = self._open.get(worker_ctx)
        if opened is not None and exc_info is not None:
            opened[0].set_status(Status(StatusCode.ERROR, exc_info[0].__name__))

    def worker_teardown(self, worker_ctx: WorkerContext) -> None:
        opened = self._open.pop(worker_ctx, None)
        if opened is not None:
            span, token = opened
            span.end()
            context.detach(token)


def _open_span(
    provider: TracerProvider,
    name: str,
    traceparent: str | None,
    correlation_id: str | None,
    kind: SpanKind,
) -> tuple[Any, Any]:
    """A span started as a child of the traceparent received, and made the current one: the
    span and the token that detaches it."""
    span = provider.get_tracer("smile").start_span(
        name,
        context=propagate.extract({TRACEPARENT: traceparent or ""}),
        kind=kind,
        attributes={"smile.correlation_id": str(correlation_id or "")},
    )
    return span, context.attach(trace.set_span_in_context(span))


def _kind(worker_ctx: WorkerContext) -> SpanKind:
    entrypoint = type(worker_ctx.entrypoint).__name__.lower()
    return SpanKind.CONSUMER if "event" in entrypoint else SpanKind.SERVER
