"""Keyset pagination: pages follow the sort key of the last row, never an offset.

A cursor is opaque to clients (URL-safe base64 of the last row's key values, tagged by type so that
datetimes, dates and decimals come back as themselves). Every list RPC answers
`{"items": [...], "next": cursor-or-null}`; the gateway turns `next` into a `Link` header.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, NamedTuple, TypeVar

from sqlalchemy import ColumnElement, Select, literal, tuple_

from infra.errors import ValidationFailed

_DECODERS: dict[str, Callable[[str], Any]] = {
    "dt": datetime.fromisoformat,
    "d": date.fromisoformat,
    "dec": Decimal,
}


def _tag(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    return value


def _untag(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        return _DECODERS[tag](text)
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_tag(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = [_untag(v) for v in json.loads(raw)]
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise ValidationFailed.on("after", "not a cursor this list gave out") from None
    if len(values) != size:
        raise ValidationFailed.on("after", "not a cursor this list gave out")
    return values


def keyset(
    statement: Select[Any],
    keys: Sequence[ColumnElement[Any]],
    after: str | None,
    limit: int,
    *,
    descending: bool = False,
) -> Select[Any]:
    """Order by `keys` (unique together), start after the cursor, fetch one row more than a page."""
    if after:
        values = decode_cursor(after, len(keys))
        bound = tuple_(*(literal(v, key.type) for key, v in zip(keys, values, strict=True)))
        position = tuple_(*keys)
        statement = statement.where(position < bound if descending else position > bound)
    order = [key.desc() for key in keys] if descending else list(keys)
    return statement.order_by(*order).limit(limit + 1)


T = TypeVar("T")


class Page(NamedTuple, Generic[T]):
    """What every list use case answers: the page's items and the cursor of the next page (None
    on the last page); the entrypoint serialises it with `infra.validation.listed`."""

    items: list[T]
    next: str | None = None


def page(rows: Sequence[T], limit: int, key: Callable[[T], Sequence[Any]]) -> Page[T]:
    """The page's rows and the cursor of the next page (None on the last page)."""
    items = list(rows[:limit])
    more = len(rows) > limit
    return Page(items, encode_cursor(key(items[-1])) if more and items else None)
