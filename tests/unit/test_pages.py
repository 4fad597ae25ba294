"""A list's page and its serialisation (`infra.pagination.Page`, `infra.validation.listed`)."""

from __future__ import annotations

from datetime import date

from marshmallow import Schema, fields

from infra.pagination import Page, decode_cursor, page
from infra.validation import listed


class ItemOut(Schema):
    id = fields.String()
    on = fields.Date()


def test_a_page_holds_its_rows_and_the_cursor_after_the_last():
    rows = [{"id": str(n), "on": date(2026, 1, n)} for n in range(1, 5)]  # one more than asked
    found = page(rows, 3, key=lambda row: (row["on"], row["id"]))
    assert found.items == rows[:3]
    assert decode_cursor(found.next, 2) == [date(2026, 1, 3), "3"]


def test_the_last_page_has_no_cursor():
    assert page([{"id": "1"}], 3, key=lambda row: (row["id"],)) == Page([{"id": "1"}], None)


def test_a_page_is_answered_as_items_and_next_with_any_extra_field():
    found = Page([{"id": "1", "on": date(2026, 1, 2)}], "abc")
    answer = listed(ItemOut, found, today=date(2026, 12, 4))
    assert answer == {
        "items": [{"id": "1", "on": "2026-01-02"}],
        "next": "abc",
        "today": date(2026, 12, 4),
    }
