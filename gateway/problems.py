"""Every error a client can see, as `application/problem+json` (RFC 9457). The one place errors map
to HTTP.
"""

from __future__ import annotations

import json
from typing import Any

from nameko.exceptions import RemoteError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from gateway.idempotency import ReplayResponse
from infra.errors import ServiceError, TooManyRequests, Unauthorized
from infra.logs import get_logger

log = get_logger(__name__)
PROBLEM_JSON = "application/problem+json"


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    **extra: Any,
) -> Response:
    body: dict[str, Any] = {  # extension members never override the standard ones
        **extra,
        "type": f"/problems/{title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = [{**e, "pointer": _pointer(e["field"])} for e in errors]
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_JSON)


def response_for(exc: BaseException) -> Response:
    if isinstance(exc, ReplayResponse):  # an idempotent repeat, answered as the first time
        return exc.response
    if isinstance(exc, ServiceError):
        return _service_problem(exc)
    if isinstance(exc, HTTPException) and exc.code is not None and exc.code < 500:
        return problem_response(exc.code, exc.name, exc.description or exc.name)
    if isinstance(exc, RemoteError):
        log.error(
            "gateway.remote_error", service=getattr(exc, "service", None), exc_type=exc.exc_type
        )
        return problem_response(502, "Bad gateway", "a service failed to handle the request")
    log.error("gateway.unhandled_error", exc_info=exc)
    return problem_response(500, "Internal error", "the request could not be handled")


def _service_problem(exc: ServiceError) -> Response:
    body = exc.to_dict()
    detail = body.pop("detail")
    response = problem_response(exc.status, exc.title, detail, **body)
    if isinstance(exc, Unauthorized):
        response.headers["WWW-Authenticate"] = 'Bearer realm="smile-cases", error="invalid_token"'
    if isinstance(exc, TooManyRequests) and "retry_after" in body:
        response.headers["Retry-After"] = str(body["retry_after"])
    return response


def _pointer(field: str) -> str:
    """JSON Pointer (RFC 6901) into the request body for a dotted field path."""
    if field == "body":
        return "#"
    parts = (p.replace("~", "~0").replace("/", "~1") for p in field.split("."))
    return "#/" + "/".join(parts)
