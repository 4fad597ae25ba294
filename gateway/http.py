"""The `api` entrypoint: nameko's `@http` with what every route shares.

- authentication, rate limits and idempotency keys (guard.py) before the route runs; every route
gets
  the authenticated `caller` as an argument, unless it is declared `public=True`;
- correlation id from `X-Request-ID` (or a new one), returned on the response and carried onwards;
- request size limits, JSON bodies parsed strictly (bounded depth), and the text rule of
  input_rules.py for every body, query and path parameter;
- results as JSON, every error as problem+json (problems.py) in the language `Accept-Language`
  asks for (Thai by default, English on request: gateway/messages);
- a POST with an Idempotency-Key stores its answer, so a resend gets the same answer;
- route metadata (its operation id, summary, If-Match, body, query, path and response schemas)
  for the OpenAPI document; a route without a well-formed, unique operation id does not start;
- one access-log line per request with the route pattern, never the query string (personal data),
  and its count and latency by route pattern (infra.metrics).
"""

from __future__ import annotations

import inspect
import json
import re
import time
import uuid
from functools import partial
from typing import Any

from eventlet.event import Event
from nameko.web.handlers import HttpRequestHandler
from werkzeug.wrappers import Request, Response

from gateway.draining import DrainingWebServer
from gateway.guard import Guard
from gateway.idempotency import ReplayResponse
from gateway.input_rules import loads, refuse_deep_json, refuse_forbidden_text
from gateway.problems import response_to
from infra.caller import Caller
from infra.correlation import CORRELATION_KEY, acceptable
from infra.errors import BadRequest, FieldError, ServiceError, UnsupportedMediaType
from infra.logs import get_logger
from infra.metrics import HTTP_DURATION, HTTP_REQUESTS, IDEMPOTENT_REPLAYS

log = get_logger("gateway.access")
DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024
_PARSED_BODY = "smile.json_body"  # request.environ key of the body, parsed once
# `<resource>.<verb>` (`households.register`, `savings_groups.members.add`): the OpenAPI
# operationId, so generated clients get readable methods that no Python rename can change.
OPERATION_ID = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)+")
IF_MATCH_USES = (None, "required", "optional")


class ApiHandler(HttpRequestHandler):
    server = DrainingWebServer()  # problem+json for unrouted requests; a stop drains in flight
    guard = Guard()
    logs_own_outcome = True  # the access line, and a 5xx's traceback once (infra.logs)

    def __init__(
        self,
        method: str,
        url: str,
        *,
        public: bool = False,
        summary: str = "",
        body: Any = None,
        query: Any = None,
        path: Any = None,
        responses: dict[int, Any] | None = None,
        tags: tuple[str, ...] = (),
        max_bytes: int | None = None,
        upload: tuple[str, ...] = (),
        downloads: tuple[str, ...] = (),
        operation: str = "",
        if_match: str | None = None,
        problems: tuple[int, ...] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("expected_exceptions", (ServiceError, ReplayResponse))
        super().__init__(method, url, **kwargs)
        self.public = public
        self.summary = summary
        self.body = body
        self.query = query
        self.path = path  # a schema of the URL's parameters, where they have a rule (OpenAPI)
        self.responses = responses or {200: None}
        self.tags = tags
        self.max_bytes = max_bytes
        self.upload = upload  # media types of a raw file body (OpenAPI)
        self.downloads = downloads  # media types of a file the 200 answer may be (OpenAPI)
        self.operation = operation
        if if_match not in IF_MATCH_USES:
            raise ValueError(f"if_match must be one of {IF_MATCH_USES}, not {if_match!r}")
        self.if_match = if_match  # does the route read If-Match (OpenAPI: 412, 428)
        self.problems = problems  # problem statuses beyond those its kind answers (OpenAPI)

    def setup(self) -> None:
        super().setup()
        self._refuse_unguarded_route()
        self._refuse_unnamed_route()
        configured = self.container.config.get("MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)
        self.max_request_bytes = self.max_bytes or int(configured)

    def handle_request(self, request: Request) -> Response:
        request.shallow = False
        started = time.perf_counter()
        correlation_id = acceptable(request.headers.get("X-Request-ID")) or uuid.uuid4().hex
        request.max_content_length = self.max_request_bytes
        try:
            caller = None if self.public else self.guard.caller_of(request, self, correlation_id)
            refuse_forbidden_text(request, sent_json(request))
            claim = self.guard.claim(request, caller)
            response = self._run_worker(request, correlation_id, caller)
            self.guard.remember(claim, response)
        except Exception as exc:
            if isinstance(exc, ReplayResponse):
                IDEMPOTENT_REPLAYS.labels(self.url).inc()
            response = response_to(request, exc)
        response.headers["X-Request-ID"] = correlation_id
        self._log_access(request, response, correlation_id, started)
        return response

    def _run_worker(self, request: Request, correlation_id: str, caller: Caller | None) -> Response:
        args, kwargs = self.get_entrypoint_parameters(request)
        if caller is not None:
            kwargs = {**kwargs, "caller": caller}
        done = Event()
        self.container.spawn_worker(
            self,
            args,
            kwargs,
            context_data={CORRELATION_KEY: correlation_id},
            handle_result=partial(self.handle_result, done, request),
        )
        return done.wait()

    def handle_result(
        self, done: Event, request: Request, worker_ctx: Any, result: Any, exc_info: Any
    ) -> Any:
        try:
            response = response_to(request, exc_info[1]) if exc_info else as_response(result)
        except Exception as exc:  # never leave the client hanging
            response = response_to(request, exc)
        done.send(response)
        return result, exc_info

    def _refuse_unguarded_route(self) -> None:
        """A route that is not public must take the caller, or the service does not start."""
        method = getattr(self.container.service_cls, self.method_name)
        if not self.public and "caller" not in inspect.signature(method).parameters:
            raise TypeError(f"route {self.method_name} must take `caller` or be public=True")

    def _refuse_unnamed_route(self) -> None:
        """A route needs its own `<resource>.<verb>` operation id, or the service does not start."""
        if OPERATION_ID.fullmatch(self.operation) is None:
            raise TypeError(f"route {self.method_name} needs operation='<resource>.<verb>'")
        for other in self.container.entrypoints:
            if other is not self and getattr(other, "operation", None) == self.operation:
                raise TypeError(f"routes {self.method_name} and {other.method_name} share an id")

    def _log_access(
        self, request: Request, response: Response, correlation_id: str, started: float
    ) -> None:
        seconds = time.perf_counter() - started
        HTTP_REQUESTS.labels(self.url, self.method, str(response.status_code)).inc()
        HTTP_DURATION.labels(self.url, self.method).observe(seconds)
        log.info(
            "http.request",
            method=request.method,
            route=self.url,
            status=response.status_code,
            duration_ms=round(seconds * 1000, 2),
            correlation_id=correlation_id,
        )


api = ApiHandler.decorator


def as_response(result: Any) -> Response:
    if isinstance(result, Response):
        return result
    return json_response(result)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False),
        status=status,
        headers=headers,
        mimetype="application/json",
    )


def read_json(request: Request) -> Any:
    """The request body as JSON, or a 400/413/415 problem naming what is wrong. Decimal numbers
    are kept as written: no value, money least of all, passes through a binary float
    (`38000.0000000000001` would arrive as `38000.0`)."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType(
            "send the body as application/json", [FieldError("body", "not JSON")]
        )
    if not request.get_data(cache=True).strip():
        raise BadRequest("the body is not valid JSON", [FieldError("body", "not valid JSON")])
    return sent_json(request)


def sent_json(request: Request) -> Any:
    """The JSON body, its numbers as text, or None when no JSON body was sent. Parsed once per
    request: the input rules read it before the route does."""
    if request.mimetype != "application/json":
        return None
    if _PARSED_BODY not in request.environ:
        raw = request.get_data(cache=True)
        request.environ[_PARSED_BODY] = parse_json(raw) if raw.strip() else None
    return request.environ[_PARSED_BODY]


def parse_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8 (or UTF-16/32), no deeper than MAX_DEPTH, no NaN or Infinity."""
    try:
        text = raw.decode(json.detect_encoding(raw))
        refuse_deep_json(text)
        return loads(text, parse_float=_number_text)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(
            "the body is not valid JSON", [FieldError("body", "not valid JSON")]
        ) from None


_WHOLE_NUMBER = re.compile(r"-?[0-9]+\.0+")


def _number_text(literal: str) -> int | str:
    """A JSON number with a fraction, kept as written; `2.0` is the integer 2, as JSON Schema
    reads it (an integer field takes it, a money field reads it as 2)."""
    return int(literal.partition(".")[0]) if _WHOLE_NUMBER.fullmatch(literal) else literal
