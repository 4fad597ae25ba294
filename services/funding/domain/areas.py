"""DOPA area codes of groups and networks, checked against geothai's maintained data."""

from __future__ import annotations

import re

import geothai

VILLAGE_CODE = re.compile(r"[0-9]{8}")  # ASCII: `\d` takes Thai digits too
DISTRICT_CODE = re.compile(r"[0-9]{4}")


def village_code_problem(code: str) -> str | None:
    if not VILLAGE_CODE.fullmatch(code):
        return "must be 8 digits: tambon code (6) and village number (2)"
    if code.endswith("00"):
        return "village number 00 does not exist"
    if geothai.subdistrict(code[:6]) is None:
        return "no such sub-district (tambon)"
    return None


def district_code_problem(code: str) -> str | None:
    if not DISTRICT_CODE.fullmatch(code):
        return "must be 4 digits"
    if geothai.district(code) is None:
        return "no such district (amphoe)"
    return None


def closeness(village_code: str, other: str) -> int:
    """3: the same village, 2: the same tambon, 1: the same district, 0: farther."""
    for level, length in ((3, 8), (2, 6), (1, 4)):
        if village_code[:length] == other[:length]:
            return level
    return 0
