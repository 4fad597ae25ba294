"""Every error a client can see, as `application/problem+json` (RFC 9457). The one place errors map
to HTTP, and where they are put in the client's language (gateway.messages): `title`, `detail` and
each field's `message` in Thai unless `Accept-Language` prefers English; `type`, `field` and
`pointer` stay as they are, for programs.
"""

from __future__ import annotations

import json
from typing import Any

from nameko.exceptions import RemoteError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from gateway.idempotency import ReplayResponse
from gateway.messages import THAI, language_of, translated
from infra.errors import FieldError, ServiceError, Unauthorized
from infra.logs import get_logger

log = get_logger(__name__)
PROBLEM_JSON = "application/problem+json"
_SENT_AS = "smile.sent_as"  # request.environ: a service's field name -> what the client sent


def sent_as(request: Request, field: str, sent: str) -> None:
    """The gateway filled `field` from what the client sent as `sent` (a header): a problem names
    `sent`, which is in the request."""
    request.environ.setdefault(_SENT_AS, {})[field] = sent


def response_to(request: Request, exc: BaseException) -> Response:
    """The problem for `exc`, in the language the request prefers, naming what it sent."""
    language = language_of(request.headers.get("Accept-Language"))
    return response_for(exc, language, request.environ.get(_SENT_AS))


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    language: str = THAI,
    **extra: Any,
) -> Response:
    body: dict[str, Any] = {  # extension members never override the standard ones
        **extra,
        "type": f"/problems/{title.lower().replace(' ', '-')}",
        "title": translated(title, language),
        "status": status,
        "detail": translated(detail, language),
    }
    if errors:
        body["errors"] = [_field_error(e, language) for e in errors]
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_JSON)
    response.headers["Content-Language"] = language
    response.headers["Vary"] = "Accept-Language"
    return response


def response_for(
    exc: BaseException, language: str = THAI, sent_as: dict[str, str] | None = None
) -> Response:
    if isinstance(exc, ReplayResponse):  # an idempotent repeat, answered as the first time
        return exc.response
    if isinstance(exc, ServiceError):
        return _service_problem(_renamed(exc, sent_as or {}), language)
    if isinstance(exc, HTTPException) and exc.code is not None and exc.code < 500:
        description = exc.description or exc.name
        return problem_response(exc.code, exc.name, description, language=language)
    if isinstance(exc, RemoteError):
        log.error(
            "gateway.remote_error", service=getattr(exc, "service", None), exc_type=exc.exc_type
        )
        detail = "a service failed to handle the request"
        return problem_response(502, "Bad gateway", detail, language=language)
    log.error("gateway.unhandled_error", exc_info=exc)
    detail = "the request could not be handled"
    return problem_response(500, "Internal error", detail, language=language)


def _service_problem(exc: ServiceError, language: str) -> Response:
    body = exc.to_dict()
    detail = body.pop("detail")
    response = problem_response(exc.status, exc.title, detail, language=language, **body)
    if isinstance(exc, Unauthorized):
        response.headers["WWW-Authenticate"] = 'Bearer realm="smile-cases", error="invalid_token"'
    if "retry_after" in body:  # 429, and a 409 for a request still being handled
        response.headers["Retry-After"] = str(body["retry_after"])
    return response


def _renamed(exc: ServiceError, sent_as: dict[str, str]) -> ServiceError:
    """`exc` naming each field as the client sent it."""
    if not any(e.field in sent_as for e in exc.errors):
        return exc
    errors = [FieldError(sent_as.get(e.field, e.field), e.message) for e in exc.errors]
    field, colon, rest = exc.detail.partition(": ")
    detail = f"{sent_as[field]}: {rest}" if colon and field in sent_as else exc.detail
    return type(exc)(detail, errors, **exc.extra)


def _field_error(error: dict[str, str], language: str) -> dict[str, str]:
    message = translated(error["message"], language)
    return {**error, "message": message, "pointer": _pointer(error["field"])}


def _pointer(field: str) -> str:
    """JSON Pointer (RFC 6901) into the request body for a dotted field path."""
    if field == "body":
        return "#"
    parts = (p.replace("~", "~0").replace("/", "~1") for p in field.split("."))
    return "#/" + "/".join(parts)
