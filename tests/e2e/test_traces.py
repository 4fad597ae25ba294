"""Traces: with an OTLP endpoint configured, one request is one trace across the processes it
reaches: the gateway, the service it calls (with its SQL statements) and the consumers of the
events the change published. The endpoint is a receiver in this test, keeping what it is sent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from tests.e2e.conftest import launch
from tests.e2e.test_households import household_body
from tests.support.ports import free_port
from tests.support.waiting import wait_for

pytestmark = pytest.mark.slow


class Receiver(ThreadingHTTPServer):
    """An OTLP/HTTP endpoint that keeps every span it is sent, in memory."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", free_port()), _Handler)
        self.spans: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def keep(self, body: bytes) -> None:
        request = ExportTraceServiceRequest.FromString(body)
        for resource_spans in request.resource_spans:
            process = _attribute(resource_spans.resource.attributes, "service.name")
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    self.spans.append(_span(process, span))


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        self.server.keep(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _span(process: str, span: Any) -> dict[str, Any]:
    return {
        "process": process,
        "name": span.name,
        "trace_id": span.trace_id.hex(),
        "span_id": span.span_id.hex(),
        "parent_id": span.parent_span_id.hex() or None,
        "correlation_id": _attribute(span.attributes, "smile.correlation_id"),
        "statement": _attribute(span.attributes, "db.statement"),
    }


def _attribute(attributes: Any, key: str) -> str | None:
    return next((a.value.string_value for a in attributes if a.key == key), None)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def traced(tmp_path_factory, rabbit_admin, receiver):
    settings = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_BSP_SCHEDULE_DELAY": 200}
    yield from launch(tmp_path_factory.mktemp("traced"), rabbit_admin, **settings)


def test_a_registration_is_one_trace_from_the_gateway_to_the_events_consumers(traced, receiver):
    answer = requests.post(
        f"{traced.url}/api/v1/households",
        json=household_body(),
        headers={"Authorization": f"Bearer {traced.admin_token}", "X-Request-ID": "trace-me-1"},
        timeout=15,
    )
    assert answer.status_code == 201, answer.text

    def trace_reached_consumers() -> list[dict[str, Any]] | None:
        mine = [s for s in receiver.spans if s["correlation_id"] == "trace-me-1"]
        ids = {s["trace_id"] for s in mine}
        reached = {s["process"] for s in mine}
        everyone = {"gateway", "households", "teams", "notifications"}  # each exports in batches
        return mine if len(ids) == 1 and everyone <= reached else None

    workers = wait_for(trace_reached_consumers, timeout=30)
    (trace_id,) = {span["trace_id"] for span in workers}
    whole = [span for span in receiver.spans if span["trace_id"] == trace_id]
    by_id = {span["span_id"]: span for span in whole}

    roots = [span for span in whole if span["parent_id"] is None]
    assert [root["process"] for root in roots] == ["gateway"]  # the request's span, alone
    assert all(span["parent_id"] in by_id for span in whole if span not in roots), "one tree"
    processes = {span["process"] for span in whole}
    assert {"gateway", "households", "teams", "notifications"} <= processes

    households = [s for s in whole if s["process"] == "households" and s["correlation_id"]]
    assert by_id[households[0]["parent_id"]]["process"] == "gateway"  # the RPC's parent
    statements = [s for s in whole if s["process"] == "households" and s["statement"]]
    assert any(s["statement"].startswith("INSERT INTO households") for s in statements)
    for consumer in (s for s in workers if s["process"] in ("teams", "notifications")):
        assert by_id[consumer["parent_id"]]["process"] == "households"  # the event's cause
