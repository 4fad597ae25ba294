"""Rules every request meets before any route sees it, the same for every route.

- JSON bodies nest at most MAX_DEPTH levels, checked on the text before it is parsed (the parser
  recurses, and a body 5,000 levels deep would exhaust the stack);
- no text anywhere in a request (JSON keys and values, query parameters, path parameters) holds NUL,
  another control character (newline and tab excepted) or a lone surrogate: a service could neither
  store nor encode it. The refusal names the field and never echoes the value.

Headers the API reads are held to their own, narrower rules (guard.py, resources.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from itertools import accumulate
from typing import Any
from urllib.parse import unquote_to_bytes

from werkzeug.wrappers import Request

from infra.errors import BadRequest, FieldError, ValidationFailed

MAX_DEPTH = 64
FORBIDDEN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
NOT_UTF8 = "is not UTF-8 once percent-decoded"
FORBIDDEN_MESSAGE = (
    "must not hold NUL, control characters (other than newline and tab) or lone surrogates"
)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def refuse_deep_json(text: str) -> None:
    """BadRequest when arrays and objects nest deeper than MAX_DEPTH."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    steps = (1 if bracket in "[{" else -1 for bracket in brackets)
    if max(accumulate(steps), default=0) > MAX_DEPTH:
        raise BadRequest(
            f"the body nests deeper than {MAX_DEPTH} levels",
            [FieldError("body", f"nested more than {MAX_DEPTH} levels")],
        )


def refuse_forbidden_text(request: Request, body: Any) -> None:
    """ValidationFailed (422) naming every field whose text breaks the rule."""
    errors = [
        *_undecodable(request),
        *_query_errors(request),
        *(_error(name) for name, value in _path_values(request) if _bad(value)),
        *(_error(field) for field in _bad_json_fields(body, "")),
    ]
    if errors:
        raise ValidationFailed("the request holds characters that cannot be accepted", errors)


def strict_constant(name: str) -> Any:
    """`parse_constant` for json.loads: NaN and Infinity are not JSON."""
    raise ValueError(f"{name} is not a JSON number")


def loads(text: str | bytes, **options: Any) -> Any:
    return json.loads(text, parse_constant=strict_constant, **options)


def _bad(text: str) -> bool:
    return FORBIDDEN_TEXT.search(text) is not None


def _error(field: str) -> FieldError:
    return FieldError(field, FORBIDDEN_MESSAGE)


def _undecodable(request: Request) -> Iterator[FieldError]:
    """The path and query parameters whose percent-encoded bytes are not UTF-8 (werkzeug would
    quietly turn them into U+FFFD)."""
    if not _utf8(request.environ.get("PATH_INFO", "").encode("latin-1", "replace")):
        yield FieldError("path", NOT_UTF8)
    for pair in request.query_string.split(b"&"):
        name, _, value = pair.partition(b"=")
        if not (_utf8(unquote_to_bytes(name)) and _utf8(unquote_to_bytes(value))):
            yield FieldError(_readable(name), NOT_UTF8)


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _readable(name: bytes) -> str:
    """The parameter's name, or `query` when the name itself cannot be read."""
    raw = unquote_to_bytes(name)
    text = raw.decode("utf-8", "replace")
    return text if _utf8(raw) and text.isprintable() and not _bad(text) else "query"


def _query_errors(request: Request) -> Iterator[FieldError]:
    for name, values in request.args.lists():
        if _bad(name):
            yield _error("query")
        elif any(_bad(value) for value in values):
            yield _error(name)


def _path_values(request: Request) -> Iterator[tuple[str, str]]:
    values = getattr(request, "path_values", None) or {}
    return ((name, v) for name, v in values.items() if isinstance(v, str))


def _bad_json_fields(value: Any, path: str) -> Iterator[str]:
    """Dotted paths (`members.0.name`) of bad strings; a bad key names the object holding it."""
    if isinstance(value, str):
        if _bad(value):
            yield path or "body"
    elif isinstance(value, Mapping):
        for key, nested in value.items():
            if _bad(key):
                yield path or "body"
            else:
                yield from _bad_json_fields(nested, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, nested in enumerate(value):
            yield from _bad_json_fields(nested, f"{path}.{index}" if path else str(index))
