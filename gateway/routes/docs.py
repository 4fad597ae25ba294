"""The API's own description: `/openapi.json`, and Swagger UI at `/docs` from a packaged copy."""

from __future__ import annotations

import mimetypes
from functools import cache
from importlib.metadata import version
from pathlib import Path

from werkzeug.wrappers import Request, Response

from gateway import asyncapi, openapi
from gateway.http import api, json_response
from infra.errors import NotFound

STATIC = Path(__file__).resolve().parent.parent / "static" / "swagger-ui"
ASSETS = frozenset({"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"})
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Smile Cases API</title>
<link rel="icon" href="/docs/favicon-32x32.png"><link rel="stylesheet" href="/docs/swagger-ui.css">
</head><body><div id="ui"></div><script src="/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: "/openapi.json", dom_id: "#ui", deepLinking: true});</script>
</body></html>"""


class DocsRoutes:
    @api(
        "GET",
        "/openapi.json",
        public=True,
        summary="This API's OpenAPI 3.1 document",
        tags=("docs",),
        operation="docs.openapi",
    )
    def openapi_document(self, request: Request) -> Response:
        return json_response(_document(type(self)))

    @api(
        "GET",
        "/asyncapi.json",
        public=True,
        summary="The event catalogue (AsyncAPI 3.0): every published event and its versions",
        tags=("docs",),
        operation="docs.asyncapi",
    )
    def asyncapi_document(self, request: Request) -> Response:
        return json_response(_catalogue())

    @api("GET", "/docs", public=True, summary="Swagger UI", tags=("docs",), operation="docs.page")
    def docs_page(self, request: Request) -> Response:
        return Response(PAGE, mimetype="text/html")

    @api(
        "GET",
        "/docs/<string:asset>",
        public=True,
        summary="Swagger UI files",
        tags=("docs",),
        operation="docs.asset",
    )
    def docs_asset(self, request: Request, asset: str) -> Response:
        if asset not in ASSETS:
            raise NotFound(f"no file {asset}")
        mime = mimetypes.guess_type(asset)[0] or "application/octet-stream"
        response = Response((STATIC / asset).read_bytes(), mimetype=mime)
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response


@cache
def _catalogue() -> dict:  # type: ignore[type-arg]
    return asyncapi.build(version("smile-cases"))


@cache
def _document(service_cls: type) -> dict:  # type: ignore[type-arg]
    return openapi.build(service_cls, version("smile-cases"))
