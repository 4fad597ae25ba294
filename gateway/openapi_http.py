"""What every route shares over HTTP, as OpenAPI: the headers a client sends or may read, and the
problem statuses a route can answer (only those it can: 412 and 428 where it reads If-Match).
"""

from __future__ import annotations

from typing import Any

from gateway.http import ApiHandler
from gateway.idempotency import HEADER as IDEMPOTENCY_KEY
from gateway.idempotency import KEY_RULE, KEY_RULE_TEXT
from gateway.messages import ACCEPT_LANGUAGE, PROBLEM_LANGUAGE_HEADERS
from infra.correlation import _ACCEPTABLE_ID

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
ERRORS = {
    400: "Malformed request",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found (or outside the caller's reach)",
    406: "No acceptable format",
    409: "Conflict with the current state",
    410: "No longer kept",
    412: "Stale version (If-Match)",
    413: "Too large",
    414: "The path and query are too long",
    415: "Not JSON",
    422: "Invalid fields",
    428: "If-Match required",
    429: "Too many requests",
    503: "A service is unavailable",
    504: "A service did not answer in time",
}
ETAG_TEXT = 'the ETag last read, "7" (a weak tag W/"7" never matches: 412)'
STRONG_TAG = '^"[1-9][0-9]{0,8}"$'  # versions start at 1 (a bare 7 is accepted, not documented)
_REQUEST_ID = {
    "in": "header",
    "name": "X-Request-ID",
    "required": False,
    "description": "your correlation id, echoed back and carried onwards (else a new one)",
    "schema": {"type": "string", "pattern": f"^{_ACCEPTABLE_ID.pattern}$"},
}
_IDEMPOTENCY_KEY = {
    "in": "header",
    "name": IDEMPOTENCY_KEY,
    "required": False,
    "description": f"a resend with the same key gets the first answer; {KEY_RULE_TEXT}",
    "schema": {"type": "string", "pattern": f"^{KEY_RULE.pattern}$"},
}


def _header(description: str, pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if pattern:
        schema["pattern"] = pattern
    return {"description": description, "schema": schema}


RESPONSE_HEADERS = {
    "X-Request-ID": _header("the correlation id of this request", f"^{_ACCEPTABLE_ID.pattern}$"),
    "ETag": _header("the object's version, to send back in If-Match", STRONG_TAG),
    "Location": _header("where the created object is read"),
    "Link": _header('the next page: `<url>; rel="next"`, while more remain'),
    "Retry-After": _header("seconds to wait before trying again", "^[0-9]+$"),
    "Idempotent-Replayed": _header("`true` when this is the stored answer to a resend", "^true$"),
}


def takes_idempotency_key(handler: ApiHandler) -> bool:
    return handler.method == "POST" and not handler.public


def takes_body(handler: ApiHandler) -> bool:
    return handler.body is not None or bool(handler.upload)


def request_headers(handler: ApiHandler) -> list[dict[str, Any]]:
    headers = [_REQUEST_ID, ACCEPT_LANGUAGE]
    if takes_idempotency_key(handler):
        headers.append(_IDEMPOTENCY_KEY)
    if handler.if_match:
        required = handler.if_match == "required"
        headers.append(
            {
                "in": "header",
                "name": "If-Match",
                "required": required,
                "description": ETAG_TEXT + ("" if required else "; send it when you have one"),
                "schema": {"type": "string", "pattern": STRONG_TAG},
            }
        )
    return headers


def error_statuses(handler: ApiHandler) -> list[int]:
    """The problem statuses this route can answer."""
    guarded = not handler.public
    calls_services = not (handler.public and handler.method == "GET")
    can_answer = {
        400: True,
        401: guarded,
        403: guarded,
        404: guarded or "<" in handler.url,
        406: False,  # routes that negotiate a format declare it in `problems`
        409: guarded and handler.method != "GET",
        410: False,  # routes whose cursors can expire declare it in `problems`
        412: handler.if_match is not None,
        413: takes_body(handler),
        414: True,
        415: handler.body is not None,
        422: True,
        428: handler.if_match == "required",
        429: calls_services,
        503: calls_services,
        504: calls_services,
    }
    # a status a route declares is documented even where this table does not know it
    return sorted({s for s, answers in can_answer.items() if answers} | set(handler.problems))


def problems(handler: ApiHandler) -> dict[str, Any]:
    return {
        str(status): {
            "description": ERRORS[status],
            "headers": {**response_headers(handler, status, None), **PROBLEM_LANGUAGE_HEADERS},
            "content": PROBLEM,
        }
        for status in error_statuses(handler)
        if status not in handler.responses
    }


def response_headers(handler: ApiHandler, status: int, schema: Any) -> dict[str, Any]:
    names = ["X-Request-ID"]
    if status < 300 and _has_field(schema, "version"):
        names.append("ETag")
    if status in (201, 202):
        names.append("Location")
    if status < 300 and _has_field(schema, "next"):
        names.append("Link")
    if status == 429 or (status == 409 and takes_idempotency_key(handler)):
        names.append("Retry-After")
    if takes_idempotency_key(handler) and status < 500 and status not in (401, 429):
        names.append("Idempotent-Replayed")
    return {name: RESPONSE_HEADERS[name] for name in names}


def _has_field(schema: Any, name: str) -> bool:
    declared = getattr(schema, "_declared_fields", None) or getattr(schema, "fields", None) or {}
    return name in declared
