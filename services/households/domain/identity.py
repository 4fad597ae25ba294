"""Thai national IDs (13 digits, mod-11 check digit) and DOPA area codes."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import mul

import geothai
from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.th import pin

VILLAGE_CODE = re.compile(r"\d{8}")
AREA_CODE = re.compile(r"\d{2}|\d{4}|\d{6}|\d{8}")


def national_id_problem(value: str) -> str | None:
    """Why `value` is not a valid national ID, or None. Never repeats the value itself."""
    try:
        pin.validate(value)
    except InvalidChecksum:
        return "check digit does not match"
    except InvalidComponent:
        return "must not start with 0 or 9"
    except ValidationError:
        return "must be 13 digits"
    return None


_WEIGHTS = tuple(range(13, 1, -1))
_ZEROS = 48 * sum(_WEIGHTS)  # the weighted sum of twelve ASCII "0" characters


def quick_national_id_problem(value: str) -> str | None:
    """`national_id_problem` without the library's overhead, for imports of many rows.

    Same rules (13 digits, not starting with 0 or 9, mod-11 check digit); a property test keeps
    the two in agreement.
    """
    if len(value) != 13 or not value.isascii() or not value.isdigit():
        return "must be 13 digits"
    if value[0] in "09":
        return "must not start with 0 or 9"
    total = sum(map(mul, _WEIGHTS, value[:12].encode())) - _ZEROS
    if (11 - total % 11) % 10 != ord(value[12]) - 48:
        return "check digit does not match"
    return None


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
