"""DOPA area codes, checked against geothai's maintained data, not a hand-typed table.

Province 2 digits, district 4, sub-district (tambon) 6; a village is its tambon's code followed by a
two-digit village number (geothai stops at tambons, so a village is checked through its tambon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geothai

from infra.caller import area_level

_LOOKUPS = {2: geothai.province, 4: geothai.district, 6: geothai.subdistrict}
# ASCII digits only (`str.isdigit` and `\d` take Thai and fullwidth digits too), in full.
CODE_PATTERN = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8}")


VILLAGE_PATTERN, DISTRICT_PATTERN = re.compile(r"[0-9]{8}"), re.compile(r"[0-9]{4}")


def area_problem(code: str, levels: tuple[str, ...] = ()) -> str | None:
    """Why `code` is not a real area code (of one of `levels`, when given), or None."""
    problem = _area_problem(code)
    if problem is None and levels and area_level(code) not in levels:
        return f"must be a {' or '.join(levels)} code"
    return problem


def village_code_problem(code: str) -> str | None:
    """Why `code` is not a village of a real tambon, or None (cached: imports ask per row)."""
    if not isinstance(code, str) or not VILLAGE_PATTERN.fullmatch(code):
        return "must be 8 digits: tambon code (6) and village number (2)"
    if code.endswith("00"):
        return "village number 00 does not exist"
    return None if _exists(code[:6]) else "no such sub-district (tambon)"


def district_code_problem(code: str) -> str | None:
    if not isinstance(code, str) or not DISTRICT_PATTERN.fullmatch(code):
        return "must be 4 digits"
    return None if _exists(code) else "no such district (amphoe)"


def _area_problem(code: str) -> str | None:
    if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
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


_LISTS = {2: geothai.districts, 4: geothai.subdistricts}
_CHILD_LENGTH = {2: 4, 4: 6, 6: 8, 8: 8}
LEVEL_LENGTHS = {"province": 2, "district": 4, "tambon": 6, "village": 8}


@dataclass(frozen=True)
class Area:
    code: str
    level: str
    name_th: str
    name_en: str
    parent: str | None

    def name(self, language: str = "th") -> str:
        return self.name_en if language == "en" else self.name_th

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "level": self.level,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "parent": self.parent,
        }


def area(code: str) -> Area | None:
    """The area with its Thai and English names, or None when `code` is not a real area. A
    village is named by its number (หมู่ที่ 3, Village 3): the DOPA data holds no village names."""
    if area_problem(code) is not None:
        return None
    parent = _parent(code)
    if len(code) == 8:
        number = int(code[6:])
        return Area(code, "village", f"หมู่ที่ {number}", f"Village {number}", parent)
    found = _LOOKUPS[len(code)](code)
    return Area(code, area_level(code), found.name_th, found.name_en, parent)


def area_name(code: str, language: str = "th") -> str:
    """The area's own name (a village: its number), or the code when there is no such area."""
    found = area(code)
    return code if found is None else found.name(language)


def area_title(code: str, language: str = "th") -> str:
    """The area named with the areas that hold it, smallest first (หมู่ที่ 1 นาเมือง ...)."""
    names = [area_name(code[:length], language) for length in (8, 6, 4, 2) if length <= len(code)]
    return " · ".join(names)


def child_areas(code: str) -> list[Area]:
    """The areas one level down, sorted by code: districts of a province, tambons of a district.
    A tambon's villages are not in the DOPA data, so a tambon (and a village) lists none."""
    lister = _LISTS.get(len(code))
    if lister is None or area_problem(code) is not None:
        return []
    return [Area(c.code, area_level(c.code), c.name_th, c.name_en, code) for c in lister(code)]


def areas_at(code: str, length: int) -> list[Area]:
    """The areas inside `code` whose codes have `length` digits, sorted by code: the tambons of a
    province, for instance. Villages are not in the DOPA data, so none are listed."""
    if length == len(code) + 2 or length <= len(code):
        return child_areas(code) if length > len(code) else []
    return [inner for child in child_areas(code) for inner in areas_at(child.code, length)]


def child_length(code: str) -> int:
    """How many digits a child area of `code` has (a village is its own only child)."""
    return _CHILD_LENGTH[len(code)]


def _parent(code: str) -> str | None:
    return {2: None, 4: code[:2], 6: code[:4], 8: code[:6]}[len(code)]
