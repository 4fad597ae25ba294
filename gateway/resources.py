"""HTTP conventions for resources: JSON object bodies, Idempotency-Key as a client key, versions
as ETags, If-Match, and keyset pages with Link headers.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from werkzeug.wrappers import Request, Response

from gateway.http import json_response, read_json
from gateway.problems import sent_as
from infra.errors import BadRequest, FieldError, PreconditionFailed, ServiceError

_STRONG_TAG = re.compile(r'"([0-9]{1,9})"|([0-9]{1,9})')  # versions the API gave out


class PreconditionRequired(ServiceError):
    status = 428
    title = "Precondition required"


def body_object(request: Request) -> dict[str, Any]:
    """The JSON object sent, its decimal numbers as written."""
    body = read_json(request)
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object", [FieldError("body", "not an object")])
    return body


def keyed(request: Request) -> dict[str, Any]:
    """The body; a phone's Idempotency-Key doubles as the service's own client key, so a resend is
    absorbed in the service's transaction even if the gateway forgot the first answer."""
    body = body_object(request)
    key = request.headers.get("Idempotency-Key")
    if key and "client_key" not in body:
        body["client_key"] = key
        sent_as(request, "client_key", "Idempotency-Key")
    return body


def etag(version: int) -> str:
    return f'"{version}"'


def with_etag(body: dict[str, Any], status: int = 200, location: str | None = None) -> Response:
    """A versioned object, its version as a strong ETag (and its Location when just created)."""
    headers = {"ETag": etag(int(body["version"]))}
    if location:
        headers["Location"] = location
    return json_response(body, status, headers)


def expected_version(request: Request) -> int:
    """The version the client last read, from If-Match; a change without one is refused (428).

    The API gives out strong tags of ASCII digits. A weak tag (`W/"1"`) never matches for a
    write (RFC 9110 13.1.1, strong comparison): a failed precondition (412), as a stale tag is."""
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired(
            "send If-Match with the ETag you last read, so no change is lost"
        )
    value = header.strip()
    if value.startswith("W/"):
        raise PreconditionFailed(
            "a weak ETag cannot match for a change; send the strong ETag you last read",
            [FieldError("If-Match", "a weak tag never matches")],
        )
    tag = _STRONG_TAG.fullmatch(value)
    if tag is None:
        raise BadRequest(
            "If-Match must be an ETag this API gave out",
            [FieldError("If-Match", "not a version tag")],
        )
    return int(tag.group(1) or tag.group(2))


def optional_version(request: Request) -> int | None:
    """The version from If-Match where a change may go without one (None: no check)."""
    return expected_version(request) if "If-Match" in request.headers else None


def query_of(request: Request, *names: str) -> dict[str, str]:
    return {name: request.args[name] for name in names if name in request.args}


def page_response(request: Request, page: dict[str, Any]) -> Response:
    """`{"items", "next"}` as JSON, with a `Link: <...>; rel="next"` header while more remain."""
    headers = {}
    if page.get("next"):
        params = {k: v for k, v in request.args.items() if k != "after"}
        params["after"] = page["next"]
        headers["Link"] = f'<{request.path}?{urlencode(params)}>; rel="next"'
    return json_response(page, headers=headers)
