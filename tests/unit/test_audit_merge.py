"""The gateway's audit search over every service: pages merged newest first, and paging through
the composite cursor shows every entry exactly once, in order (hypothesis draws the services'
entries and the page size)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.routes.audit import SERVICES, _decode, merge
from infra.errors import ValidationFailed
from infra.pagination import decode_cursor, encode_cursor

START = datetime(2026, 11, 1, tzinfo=UTC)


def service_page(entries: list[tuple[datetime, int]], after: str | None, limit: int) -> dict:
    """What a service answers: its entries newest first after the cursor, as the keyset does."""
    ordered = sorted(entries, reverse=True)
    if after is not None:
        at, key = decode_cursor(after, 2)
        ordered = [e for e in ordered if e < (at, key)]
    items = [{"id": key, "at": at.isoformat()} for at, key in ordered[:limit]]
    more = len(ordered) > limit
    return {"items": items, "next": encode_cursor(ordered[limit - 1]) if more else None}


def walk(everything: dict[str, list[tuple[datetime, int]]], limit: int) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    cursor = None
    for _ in range(1000):
        positions = _decode(cursor)
        pages = {s: service_page(everything[s], c, limit) for s, c in positions.items()}
        found: dict[str, Any] = merge(pages, positions, limit)
        assert len(found["items"]) <= limit
        seen += [(item["service"], item["id"]) for item in found["items"]]
        cursor = found["next"]
        if cursor is None:
            return seen
    raise AssertionError("the pages never end")


moments = st.integers(0, 50).map(lambda minutes: START + timedelta(minutes=minutes))


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries(
        {s: st.lists(moments, max_size=12) for s in SERVICES},
    ),
    st.integers(1, 5),
)
def test_paging_shows_every_entry_once_newest_first(drawn, limit):
    everything = {s: [(at, i + 1) for i, at in enumerate(ats)] for s, ats in drawn.items()}
    seen = walk(everything, limit)

    assert sorted(seen) == sorted((s, key) for s, rows in everything.items() for _, key in rows)
    moment = {(s, key): at for s, rows in everything.items() for at, key in rows}
    ats = [moment[pair] for pair in seen]
    assert ats == sorted(ats, reverse=True)


@pytest.mark.parametrize("cursor", ["x", "bnVsbA", "eyJib2d1cyI6bnVsbH0", "e30", "a" * 2001])
def test_a_cursor_the_search_did_not_give_out_is_refused_naming_after(cursor):
    with pytest.raises(ValidationFailed) as refused:
        _decode(cursor)
    assert [e.field for e in refused.value.errors] == ["after"]
