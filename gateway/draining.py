"""The gateway's web server, with a graceful stop under load.

nameko stops a container by stopping its entrypoints, waiting for running workers, stopping the
dependencies and only then the web server, and finally killing every green thread left. Under load
that goes wrong: the server keeps accepting while the container stops, a request that has not yet
reached its worker finds its RPC clients stopped, and what is still running at the end is killed
with its connection, unanswered.

Here the stop begins with a drain: from the moment the first route stops, every new request is
answered 503 with `Retry-After`, and the stop waits, up to
`DRAIN_SECONDS`, until every request already being handled has had its answer. Only then does the
rest of nameko's stop run, on a gateway with nothing left to do.
"""

from __future__ import annotations

import time
from typing import Any

import eventlet
from eventlet.event import Event
from nameko.web.server import WebServer, WsgiApp

from gateway.problems import response_for
from infra.errors import ServiceUnavailable
from infra.logs import get_logger

log = get_logger(__name__)
RETRY_AFTER_SECONDS = 5
DEFAULT_DRAIN_SECONDS = 15.0


class DrainingWebServer(WebServer):
    def setup(self) -> None:
        super().setup()
        self.draining = False
        self.in_flight = 0
        self._drained = Event()
        self.drain_seconds = float(
            self.container.config.get("DRAIN_SECONDS", DEFAULT_DRAIN_SECONDS)
        )

    def get_wsgi_app(self) -> Any:
        return DrainingApp(self)

    def unregister_provider(self, provider: Any) -> None:
        """Called as each route stops: the first begins the drain, and each waits for its end."""
        if not self.draining:
            self.draining = True
            self._drain_ends_at = time.monotonic() + self.drain_seconds
            log.info("gateway.draining", in_flight=self.in_flight)
            self._check_drained()
        with eventlet.Timeout(max(0.0, self._drain_ends_at - time.monotonic()), False):
            self._drained.wait()
        if not self._drained.ready():  # the last requests are left to the runner's own deadline
            log.warning("gateway.drain_timed_out", in_flight=self.in_flight)
            self._drained.send(False)
        super().unregister_provider(provider)

    def request_started(self) -> None:
        self.in_flight += 1

    def request_finished(self) -> None:
        self.in_flight -= 1
        if self.draining:
            self._check_drained()

    def _check_drained(self) -> None:
        if self.in_flight == 0 and not self._drained.ready():
            log.info("gateway.drained")
            self._drained.send(True)


class DrainingApp(WsgiApp):
    server: DrainingWebServer

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        server = self.server
        if server.draining:
            return refusal()(environ, start_response)
        server.request_started()
        try:
            return super().__call__(environ, start_response)
        finally:
            server.request_finished()


def refusal() -> Any:
    response = response_for(ServiceUnavailable("the gateway is stopping; try again shortly"))
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
