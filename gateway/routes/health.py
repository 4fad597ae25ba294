"""Liveness and health: `/health` pings every service over RPC, with a deadline."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.schemas import Health, Live
from infra.errors import GatewayTimeout, ServiceUnavailable
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


class HealthRoutes:
    rpc: Calls
    config: dict[str, Any]

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
