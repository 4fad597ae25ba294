"""nameko's web server, answering what no route matches as problem+json like every other error.

nameko answers an unknown path (404) or method (405) with werkzeug's HTML page; a client of this
API reads problem+json for every error, including these.
"""

from __future__ import annotations

from typing import Any

from nameko.web.server import WebServer, WsgiApp
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.wrappers import Request

from gateway.problems import response_for


class ProblemWsgiApp(WsgiApp):
    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ, shallow=True)
        adapter = self.url_map.bind_to_environ(environ)
        try:
            provider, values = adapter.match()
        except HTTPException as exc:
            return _unrouted(exc)(environ, start_response)
        request.path_values = values
        return provider.handle_request(request)(environ, start_response)


def _unrouted(exc: HTTPException) -> Any:
    if exc.code is not None and exc.code < 400:  # a redirect to the canonical path
        return exc
    response = response_for(exc)
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    return response


class ProblemWebServer(WebServer):
    def get_wsgi_app(self) -> ProblemWsgiApp:
        return ProblemWsgiApp(self)
