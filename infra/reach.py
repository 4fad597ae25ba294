"""What a caller reaches, as SQL for list queries: every service builds its visibility from these.

An empty reach reaches nothing, never everything. `or_()` of no conditions is no condition at all
(SQLAlchemy drops it from the WHERE clause), which once let every caller without an area list
every person. So: no condition is `false()`, and an empty area code is no area.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, false, or_


def any_of(conditions: Iterable[ColumnElement[bool]]) -> ColumnElement[bool]:
    """True where one of `conditions` holds; with none, nowhere."""
    parts = list(conditions)
    return or_(*parts) if parts else false()


def inside(column: Any, areas: Iterable[str]) -> ColumnElement[bool]:
    """Codes in `column` that lie inside one of `areas` (DOPA codes nest by prefix)."""
    return any_of(column.startswith(area, autoescape=True) for area in areas if area)


def touching(column: Any, areas: Iterable[str], length: int) -> ColumnElement[bool]:
    """Codes of `length` digits in `column` that lie inside, or hold, one of `areas`."""
    return any_of(
        column.startswith(area, autoescape=True) if len(area) <= length else column == area[:length]
        for area in areas
        if area
    )
