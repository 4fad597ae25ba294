"""The OpenAPI 3.1 document, generated from the routes' metadata and marshmallow schemas
(apispec).
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields
from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR

from gateway import openapi_fields
from gateway.auth.cookies import SESSION_COOKIE
from gateway.http import ApiHandler
from gateway.openapi_http import problems, request_headers, response_headers
from gateway.schemas import Problem

_PATH_PARAMETER = re.compile(r"<(?:[a-z]+:)?([a-z_]+)>")
DESCRIPTION = (
    "Case management for Thai community development. Authenticate with `POST /api/v1/auth/token` "
    "and send `Authorization: Bearer <token>` (the web app signs in with `POST /api/v1/sessions` "
    "instead: an HttpOnly cookie, and `X-CSRF-Token` on every change). "
    "Errors are `application/problem+json` (RFC 9457). "
    "POSTs accept `Idempotency-Key`; updates need `If-Match` with the ETag last read; lists are "
    "keyset-paged (`after`, `limit`, `Link` headers)."
)


def handlers(service_cls: type) -> list[ApiHandler]:
    found = []
    for _, method in inspect.getmembers(service_cls, inspect.isfunction):
        found.extend(
            e for e in getattr(method, ENTRYPOINT_EXTENSIONS_ATTR, ()) if isinstance(e, ApiHandler)
        )
    return sorted(found, key=lambda h: (h.url, h.method))


def build(service_cls: type, version: str) -> dict[str, Any]:
    marshmallow = MarshmallowPlugin()
    spec = APISpec(
        title="Smile Cases API",
        version=version,
        openapi_version="3.1.0",
        plugins=[marshmallow],
        info={"description": DESCRIPTION},
    )
    # Money and rates travel as decimal strings ("1500.50"), never as JSON numbers (floats).
    marshmallow.map_to_openapi_type(fields.Decimal, "string", "decimal")
    openapi_fields.install(marshmallow)
    spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    spec.components.security_scheme(
        "session", {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE}
    )
    spec.components.schema("Problem", schema=Problem)
    paths: dict[str, dict[str, Any]] = {}
    declared: dict[str, list[set[str]]] = {}  # per path: the URL parameters each route declares
    for handler in handlers(service_cls):
        path = _PATH_PARAMETER.sub(r"{\1}", handler.url)
        for method in handler.method.split(","):
            paths.setdefault(path, {})[method.lower()] = _operation(handler)
            declared.setdefault(path, []).append(_declared_path_names(handler))
    for path, operations in paths.items():
        everywhere = set.intersection(*declared[path])
        spec.path(path=path, operations=operations, parameters=_path_parameters(path, everywhere))
    document = spec.to_dict()
    openapi_fields.add_schema_rules(marshmallow, document["components"]["schemas"])
    return document


def _operation(handler: ApiHandler) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": handler.summary,
        "tags": list(handler.tags),
        "operationId": handler.operation,
        "security": [] if handler.public else [{"bearer": []}, {"session": []}],
        "responses": {**problems(handler), **_answers(handler)},
        "parameters": request_headers(handler),
    }
    if handler.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": handler.body}},
        }
    if handler.upload:
        operation["requestBody"] = {
            "required": True,
            "content": {
                mime: {"schema": {"type": "string", "contentMediaType": mime, "minLength": 1}}
                for mime in handler.upload  # an empty file is refused
            },
        }
    if handler.query is not None:
        operation["parameters"].append({"in": "query", "schema": handler.query})
    if handler.path is not None:
        operation["parameters"].append({"in": "path", "schema": handler.path})
    return operation


def _answers(handler: ApiHandler) -> dict[str, Any]:
    answers = {}
    for status, schema in handler.responses.items():
        answer: dict[str, Any] = {
            "description": "Success" if status < 300 else "Answer",
            "headers": response_headers(handler, status, schema),
        }
        if schema is not None:
            answer["content"] = {"application/json": {"schema": schema}}
        if status == 200 and handler.downloads:
            files = {
                m: {"schema": {"type": "string", "contentMediaType": m}} for m in handler.downloads
            }
            answer["content"] = {**answer.get("content", {}), **files}
        answers[str(status)] = answer
    return answers


def _declared_path_names(handler: ApiHandler) -> set[str]:
    declared = getattr(handler.path, "_declared_fields", {})
    return {field.data_key or name for name, field in declared.items()}


def _path_parameters(path: str, declared: set[str]) -> list[dict[str, Any]]:
    """The URL's parameters as URL-safe text, but those every route of the path declares with
    a rule of their own (`path=`: a DOPA code, a fiscal year, a month); a route that declares one
    its neighbours do not overrides it for itself."""
    names = [n for n in re.findall(r"{([a-z_]+)}", path) if n not in declared]
    schema = {"type": "string", "pattern": openapi_fields.PATH_SEGMENT_PATTERN}
    return [{"in": "path", "name": n, "required": True, "schema": schema} for n in names]
