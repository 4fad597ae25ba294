"""DOPA area codes, checked against geothai's maintained data, not a hand-typed table.

Province 2 digits, district 4, sub-district (tambon) 6; a village is its tambon's code followed by a
two-digit village number (geothai stops at tambons, so a village is checked through its tambon).
"""

from __future__ import annotations

import re
from functools import lru_cache

import geothai

from infra.caller import area_level

_LOOKUPS = {2: geothai.province, 4: geothai.district, 6: geothai.subdistrict}
# ASCII digits only (`str.isdigit` and `\d` take Thai and fullwidth digits too), in full.
_CODE = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8}")


def area_problem(code: str) -> str | None:
    """Why `code` is not a real area code, or None."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        return "must be a DOPA area code of 2, 4, 6 or 8 digits"
    if len(code) == 8:
        if code[6:] == "00":
            return "village number 00 does not exist"
        return (
            None
            if _exists(code[:6])
            else "its tambon (first 6 digits) is not in the DOPA area data"
        )
    return None if _exists(code) else f"no such {area_level(code)} in the DOPA area data"


@lru_cache(maxsize=20_000)
def _exists(code: str) -> bool:
    return _LOOKUPS[len(code)](code) is not None


def area_name(code: str, language: str = "th") -> str:
    """The area's name (for a village, its tambon's name and the village number)."""
    if len(code) == 8:
        return (
            f"{area_name(code[:6], language)} หมู่ {int(code[6:])}"
            if language == "th"
            else (f"{area_name(code[:6], language)} village {int(code[6:])}")
        )
    area = _LOOKUPS[len(code)](code)
    if area is None:
        return code
    return area.name_th if language == "th" else area.name_en
