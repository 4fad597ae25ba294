"""Thai national IDs (13 digits, mod-11 check digit) and DOPA area codes.

A national ID is kept in one form, 13 ASCII digits (infra.national_id), so that one person is
one key in the unique index; a spelling with spaces or dashes is made canonical before it is
checked and stored.
"""

from __future__ import annotations

import re
from functools import lru_cache

import geothai

from infra.national_id import canonical_national_id, national_id_problem

__all__ = [
    "area_code_problem",
    "canonical_national_id",
    "mask_national_id",
    "national_id_problem",
    "tambon_exists",
    "village_code_problem",
]

# ASCII digits only: `\d` takes Thai and fullwidth digits too.
VILLAGE_CODE = re.compile(r"[0-9]{8}")
AREA_CODE = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8}")


def mask_national_id(value: str) -> str:
    """x-xxxx-xxxxx-45-0: only the last three digits stay visible."""
    return f"x-xxxx-xxxxx-{value[10:12]}-{value[12]}"


def village_code_problem(value: str) -> str | None:
    if not VILLAGE_CODE.fullmatch(value):
        return "must be 8 digits: tambon code (6) and village number (2)"
    if value.endswith("00"):
        return "village number 00 does not exist"
    if not tambon_exists(value[:6]):
        return "no sub-district (tambon) has this code"
    return None


@lru_cache(maxsize=16384)
def tambon_exists(code: str) -> bool:
    """Checked against the geothai DOPA data package (cached: imports check it per row)."""
    return geothai.subdistrict(code) is not None


def area_code_problem(value: str) -> str | None:
    if not AREA_CODE.fullmatch(value):
        return "must be a DOPA code of 2, 4, 6 or 8 digits"
    return None
