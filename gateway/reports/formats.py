"""Which format and language a report is asked in, and the file name it travels under."""

from __future__ import annotations

import re
from urllib.parse import quote

from werkzeug.wrappers import Request

from infra.errors import FieldError, ServiceError, ValidationFailed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {"json": "application/json", "xlsx": XLSX, "csv": "text/csv"}
LANGUAGES = ("th", "en")


class NotAcceptable(ServiceError):
    status = 406
    title = "Not acceptable"


def chosen_format(request: Request) -> str:
    """`?format=` when given, else the best of Accept (JSON when the client takes anything)."""
    asked = request.args.get("format")
    if asked is not None:
        if asked not in MEDIA_TYPES:
            raise _not_acceptable("format", f"one of {', '.join(MEDIA_TYPES)}")
        return asked
    if not request.headers.get("Accept"):
        return "json"
    best = request.accept_mimetypes.best_match(list(MEDIA_TYPES.values()))
    if best is None:
        raise _not_acceptable("Accept", f"one of {', '.join(MEDIA_TYPES.values())}")
    return next(name for name, media in MEDIA_TYPES.items() if media == best)


def chosen_language(request: Request) -> str:
    """`?lang=` when given, else English when Accept-Language prefers it over Thai."""
    asked = request.args.get("lang")
    if asked is not None:
        if asked not in LANGUAGES:
            raise ValidationFailed("the request is not valid", [FieldError("lang", "th or en")])
        return asked
    return request.accept_languages.best_match(LANGUAGES, default="th") or "th"


def _not_acceptable(field: str, wanted: str) -> NotAcceptable:
    return NotAcceptable(f"reports are made as {wanted}", [FieldError(field, wanted)])


def content_disposition(name: str, fallback: str) -> str:
    """`attachment` with an ASCII `filename` and the real name as `filename*` (RFC 6266)."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", fallback).strip("-") or "report"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
