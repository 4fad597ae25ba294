"""Liveness, readiness and health. `/health/live` and `/health/ready` (the Kubernetes probes) cost
nothing on the broker: ready reads the gateway's database and its consumer's broker connection.
`/health` pings every service over RPC, with a deadline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, fields, validate
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.schemas import Health, Live
from infra.errors import GatewayTimeout, ServiceUnavailable
from infra.health_listener import Readiness
from infra.rpc import Calls, PendingCall


def health_report(calls: Calls, services: list[str], timeout: float) -> dict[str, Any]:
    try:
        pending = {name: calls.start(name, "ping", timeout=timeout) for name in services}
    except ServiceUnavailable:
        return {
            "status": "unavailable",
            "services": dict.fromkeys(services, "unreachable"),
            "broker": "unreachable",
        }
    states = {name: _state(call) for name, call in pending.items()}
    healthy = all(state == "ok" for state in states.values())
    return {"status": "ok" if healthy else "unavailable", "services": states, "broker": "ok"}


def _state(call: PendingCall) -> str:
    try:
        return "ok" if call.result() == "ok" else "unexpected answer"
    except GatewayTimeout:
        return "timeout"
    except Exception as exc:
        return f"failing: {type(exc).__name__}"


class Ready(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "unavailable"]))
    database = fields.String(required=True)
    broker = fields.String(required=True)
    migrations = fields.String(
        required=True, metadata={"description": "ok, behind (not at the latest migration), unknown"}
    )


class HealthRoutes:
    rpc: Calls
    config: dict[str, Any]
    readiness: Callable[[], dict[str, str]] = Readiness()  # type: ignore[assignment]

    @api(
        "GET",
        "/health/live",
        public=True,
        summary="The gateway process answers",
        responses={200: Live},
        tags=("health",),
        operation="health.live",
    )
    def live(self, request: Request) -> Response:
        return json_response({"status": "ok"})

    @api(
        "GET",
        "/health/ready",
        public=True,
        summary="The gateway's database answers at its latest migration, its broker is connected",
        responses={200: Ready, 503: Ready},
        tags=("health",),
        operation="health.ready",
    )
    def ready(self, request: Request) -> Response:
        report = self.readiness()
        return json_response(report, 200 if report["status"] == "ok" else 503)

    @api(
        "GET",
        "/health",
        public=True,
        summary="Every service and the broker answer",
        responses={200: Health, 503: Health},
        tags=("health",),
        operation="health.check",
    )
    def health(self, request: Request) -> Response:
        timeout = float(self.config.get("HEALTH_TIMEOUT_SECONDS", 2))
        report = health_report(self.rpc, list(self.config["SERVICES"]), timeout)
        return json_response(report, 200 if report["status"] == "ok" else 503)
