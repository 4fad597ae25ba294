"""The gateway's web server stops under load: a request in flight gets its answer, a new one gets
503 with Retry-After, and the stop waits for the first but no longer than DRAIN_SECONDS."""

from __future__ import annotations

import eventlet
import requests
from eventlet.event import Event
from nameko.containers import ServiceContainer
from nameko.web.handlers import HttpRequestHandler

from gateway.draining import DrainingWebServer
from tests.support.ports import free_port
from tests.support.waiting import wait_for


class SlowRoute(HttpRequestHandler):
    server = DrainingWebServer()


class SlowService:
    name = "slow"
    release = Event()  # a new one per test

    @SlowRoute.decorator("GET", "/slow")
    def slow(self, request):
        SlowService.release.wait()
        return "done"


def start(drain_seconds: float) -> tuple[ServiceContainer, str]:
    address = f"127.0.0.1:{free_port()}"
    config = {
        "WEB_SERVER_ADDRESS": address,
        "DRAIN_SECONDS": drain_seconds,
        "AMQP_URI": "memory://",
    }
    container = ServiceContainer(SlowService, config)
    container.start()
    return container, f"http://{address}/slow"


def test_a_stop_answers_the_request_in_flight_and_refuses_new_ones():
    SlowService.release = Event()
    container, url = start(drain_seconds=30)
    in_flight = eventlet.spawn(requests.get, url, timeout=30)
    wait_for(
        lambda: container.subextensions and _server(container).in_flight == 1, what="a request"
    )
    stopping = eventlet.spawn(container.stop)
    wait_for(lambda: _server(container).draining, what="the drain to begin")
    refused = requests.get(url, timeout=10)
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "5"
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert not stopping.dead  # still waiting for the request in flight
    SlowService.release.send(True)
    answered = in_flight.wait()
    assert answered.status_code == 200 and answered.text == "done"
    stopping.wait()


def test_the_drain_gives_up_after_drain_seconds():
    SlowService.release = Event()
    container, url = start(drain_seconds=0.5)
    stuck = eventlet.spawn(requests.get, url, timeout=30)
    wait_for(lambda: _server(container).in_flight == 1, what="a request")
    stopping = eventlet.spawn(container.stop)
    # the drain ends with the request still in flight; the runner's own deadline covers the rest
    wait_for(lambda: _server(container).drained, timeout=10, what="the drain to end")
    assert _server(container).in_flight == 1
    SlowService.release.send(True)
    stopping.wait()
    stuck.wait()


def _server(container: ServiceContainer) -> DrainingWebServer:
    return next(e for e in container.subextensions if isinstance(e, DrainingWebServer))
