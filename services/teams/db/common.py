"""What the teams repositories share: whom a list is for, and the conditions of such a list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, true

from infra.reach import any_of, touching


@dataclass(frozen=True)
class Reach:
    """Whom a list is read for: everything (`areas` None), or what touches one of `areas`, and
    what the person belongs to (each repository says what belonging is)."""

    areas: tuple[str, ...] | None
    person_id: str


def reached(
    reach: Reach,
    area: Any,
    length: int,
    theirs: Callable[[str], ColumnElement[bool]],
    *narrowing: ColumnElement[bool] | None,
) -> list[ColumnElement[bool]]:
    """A list's conditions: rows whose `area` (codes of `length` digits) touches the reach's
    areas, or that are the person's own (`theirs(person_id)`), or every row for a reach of all
    areas; and each of the filter's `narrowing` conditions that is given (not None)."""
    if reach.areas is None:
        visible = true()
    else:
        visible = any_of([touching(area, reach.areas, length), theirs(reach.person_id)])
    return [visible, *(c for c in narrowing if c is not None)]
