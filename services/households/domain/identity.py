"""Thai national IDs (13 digits, mod-11 check digit); area codes are checked in infra.areas.

A national ID is kept in one form, 13 ASCII digits (infra.national_id), so that one person is
one key in the unique index; a spelling with spaces or dashes is made canonical before it is
checked and stored.
"""

from __future__ import annotations

from infra.national_id import canonical_national_id, national_id_problem

__all__ = [
    "canonical_national_id",
    "mask_national_id",
    "national_id_problem",
]


def mask_national_id(value: str) -> str:
    """x-xxxx-xxxxx-45-0: only the last three digits stay visible."""
    return f"x-xxxx-xxxxx-{value[10:12]}-{value[12]}"
