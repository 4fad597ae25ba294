"""Area arithmetic the teams rules share: DOPA codes nest by prefix."""

from __future__ import annotations

from collections.abc import Iterable

from infra.areas import area_problem
from infra.caller import area_level
from infra.errors import FieldError


def related(a: str, b: str) -> bool:
    """True when one area lies inside the other (or they are the same)."""
    return a.startswith(b) or b.startswith(a)


def overlaps(areas: Iterable[str], others: Iterable[str]) -> bool:
    others = tuple(others)
    return any(related(a, b) for a in areas for b in others)


def tambon_problems(codes: list[str], field: str) -> list[FieldError]:
    """Sub-district (tambon) codes that are real, given once each."""
    problems = []
    if not codes:
        problems.append(FieldError(field, "at least one sub-district"))
    for i, code in enumerate(codes):
        problem = area_problem(code)
        if problem is None and area_level(code) != "subdistrict":
            problem = "must be a sub-district (tambon) code of 6 digits"
        if problem is None and code in codes[:i]:
            problem = "given twice"
        if problem:
            problems.append(FieldError(f"{field}.{i}", problem))
    return problems


def area_code_problems(code: str, field: str, levels: tuple[str, ...]) -> list[FieldError]:
    problem = area_problem(code, levels)
    return [FieldError(field, problem)] if problem else []
