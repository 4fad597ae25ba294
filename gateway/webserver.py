"""nameko's web server, answering what no route matches as problem+json like every other error,
except the web app's own pages and files (webapp.py). `/metrics` is the process's Prometheus
metrics (infra.metrics), outside the API.

nameko answers an unknown path (404) or method (405) with werkzeug's HTML page, and eventlet a
request line over 8 KiB with a bare 414; a client of this API reads problem+json for every error,
including these. The server reads request lines up to SERVER_LINE_BYTES and the app refuses a
path and query over URI_BYTES with a 414 problem (longer lines still get eventlet's own).
"""

from __future__ import annotations

from typing import Any

from nameko.web.server import WebServer, WsgiApp
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestURITooLarge
from werkzeug.wrappers import Request, Response

from gateway.problems import response_to
from gateway.webapp import WebApp
from infra.metrics import CONTENT_TYPE_LATEST, exposition

METRICS_PATH = "/metrics"  # Prometheus' scrape: not an API route (no OpenAPI operation)
URI_BYTES = 8 * 1024  # a path and query longer than this is refused (414 problem)
SERVER_LINE_BYTES = 256 * 1024  # eventlet's own bare 414 beyond this


class ProblemWsgiApp(WsgiApp):
    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ, shallow=True)
        if _uri_length(environ) > URI_BYTES:
            return response_to(request, RequestURITooLarge())(environ, start_response)
        if request.path == METRICS_PATH and request.method == "GET":
            return Response(exposition(), content_type=CONTENT_TYPE_LATEST)(environ, start_response)
        adapter = self.url_map.bind_to_environ(environ)
        try:
            provider, values = adapter.match()
        except HTTPException as exc:
            if WebApp.serves(request.method, request.path):
                accepts_gzip = request.accept_encodings["gzip"] > 0
                answer = self.server.web_app.response(request.path, accepts_gzip)
                return answer(environ, start_response)
            return _unrouted(exc, request)(environ, start_response)
        request.path_values = values
        return provider.handle_request(request)(environ, start_response)


def _uri_length(environ: dict[str, Any]) -> int:
    return len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", ""))


def _unrouted(exc: HTTPException, request: Request) -> Any:
    if exc.code is not None and exc.code < 400:  # a redirect to the canonical path
        return exc
    response = response_to(request, exc)
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    return response


class ProblemWebServer(WebServer):
    def setup(self) -> None:
        super().setup()
        self.web_app = WebApp.from_config(self.container.config)

    def get_wsgi_app(self) -> ProblemWsgiApp:
        return ProblemWsgiApp(self)

    def get_wsgi_server(self, sock: Any, wsgi_app: Any, *args: Any, **kwargs: Any) -> Any:
        server = super().get_wsgi_server(sock, wsgi_app, *args, **kwargs)
        server.url_length_limit = SERVER_LINE_BYTES
        return server
