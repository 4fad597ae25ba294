"""The gateway's web server, with a graceful stop under load.

nameko stops a container by stopping its entrypoints, waiting for running workers, stopping the
dependencies and only then the web server, and finally killing every green thread left. Under load
that goes wrong: the server keeps accepting while the container stops, a request that has not yet
reached its worker finds its RPC clients stopped, and what is still running at the end is killed
with its connection, unanswered.

Here the stop begins with a drain: from the moment the first route stops, every new request is
answered 503 with `Retry-After` (and its connection closed), and the stop waits, up to
`DRAIN_SECONDS`, until every request already being handled has been answered (its response
written). Before the listening socket closes at the end, the connections the kernel has queued on
it are accepted too, and these, with the requests it had just accepted, still get their 503
before the remaining threads are killed.
"""

from __future__ import annotations

import contextlib
import socket
import time
from functools import partial
from typing import Any

import eventlet
from nameko.web.server import HttpOnlyProtocol

from gateway.messages import language_of
from gateway.problems import response_for
from gateway.webserver import ProblemWebServer, ProblemWsgiApp
from infra.errors import ServiceUnavailable
from infra.logs import get_logger

log = get_logger(__name__)
RETRY_AFTER_SECONDS = 5
DEFAULT_DRAIN_SECONDS = 15.0
LAST_ANSWERS_SECONDS = 5.0  # for the last connections to get their 503 (a loaded machine is slow)
QUIET_SECONDS = 0.25
POLL_SECONDS = 0.02


class DrainingWebServer(ProblemWebServer):
    def setup(self) -> None:
        super().setup()
        self.draining = False
        self.in_flight = 0  # requests being handled, not refused, until their response is written
        self.drained = False
        self.connections = 0  # open connections; while draining each closes after one answer
        self._drain_ends_at = 0.0
        configured = self.container.config.get("DRAIN_SECONDS", DEFAULT_DRAIN_SECONDS)
        self.drain_seconds = float(configured)

    def get_wsgi_app(self) -> Any:
        return DrainingApp(self)

    def get_wsgi_server(
        self, sock: Any, wsgi_app: Any, protocol: Any = None, debug: bool = False
    ) -> Any:
        return super().get_wsgi_server(sock, wsgi_app, protocol=DrainingProtocol, debug=debug)

    def unregister_provider(self, provider: Any) -> None:
        """Called as each route stops: the first begins the drain, and each waits for its end."""
        if not self.draining:
            self.draining = True
            self._drain_ends_at = time.monotonic() + self.drain_seconds
            log.info("gateway.draining", in_flight=self.in_flight)
        self._wait_until(lambda: self.in_flight == 0, self._drain_ends_at)
        if not self.drained:
            self.drained = True
            if self.in_flight:  # the last requests are left to the runner's own deadline
                log.warning("gateway.drain_timed_out", in_flight=self.in_flight)
        super().unregister_provider(provider)

    def process_request(self, sock: Any, address: Any) -> None:
        # An answer over ~16 KB leaves eventlet's writer in more than one send; with Nagle on, the
        # last waits for the client's delayed ACK (+40 ms a request, measured: bench/reports.py).
        with contextlib.suppress(OSError):  # not a TCP socket
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connections += 1
        try:
            super().process_request(sock, address)
        finally:
            self.connections -= 1

    def stop(self) -> None:
        self._is_accepting = False
        self._gt.kill()
        self._answer_the_backlog()
        super().stop()  # closes the listening socket; then answer the connections accepted last
        eventlet.sleep(POLL_SECONDS)  # their threads start
        self._wait_until(lambda: self.connections == 0, time.monotonic() + LAST_ANSWERS_SECONDS)

    def _answer_the_backlog(self) -> None:
        """Accept what the kernel has queued on the listening socket, so that each gets its 503:
        closing the socket with connections still queued resets them, and a client whose request
        was already sent is left without an answer. Clients keep connecting until their 503
        reaches them, so the socket closes only once none has come for QUIET_SECONDS."""
        self._sock.settimeout(0)
        ends_at = time.monotonic() + LAST_ANSWERS_SECONDS
        last_arrival = time.monotonic()
        while time.monotonic() - last_arrival < QUIET_SECONDS and time.monotonic() < ends_at:
            try:
                sock, address = self._sock.accept()
            except BlockingIOError:  # nothing queued just now
                eventlet.sleep(POLL_SECONDS)
                continue
            except OSError:  # the socket is gone
                return
            last_arrival = time.monotonic()
            sock.settimeout(self._serv.socket_timeout)
            self.container.spawn_managed_thread(partial(self.process_request, sock, address))

    @staticmethod
    def _wait_until(condition: Any, ends_at: float) -> None:
        while not condition() and time.monotonic() < ends_at:
            eventlet.sleep(POLL_SECONDS)


class DrainingProtocol(HttpOnlyProtocol):
    """Counts a request as in flight until its response is written; closes connections while
    draining, so that no idle keep-alive connection is left to be cut."""

    def handle_one_response(self) -> None:
        web_server: DrainingWebServer = self.server.app.server
        if web_server.draining:
            self.close_connection = 1
            return super().handle_one_response()
        web_server.in_flight += 1
        try:
            return super().handle_one_response()
        finally:
            web_server.in_flight -= 1


class DrainingApp(ProblemWsgiApp):
    server: DrainingWebServer

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if self.server.draining:
            language = language_of(environ.get("HTTP_ACCEPT_LANGUAGE"))
            return refusal(language)(environ, start_response)
        return super().__call__(environ, start_response)


def refusal(language: str) -> Any:
    stopping = ServiceUnavailable("the gateway is stopping; try again shortly")
    response = response_for(stopping, language)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
