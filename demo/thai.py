"""Realistic Thai data, the same every time: names from PyThaiNLP's corpora, national IDs with a
valid check digit (registered in the district's office), and real DOPA areas from geothai."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

import geothai
from pythainlp.corpus.common import thai_family_names, thai_female_names, thai_male_names

from infra.areas import area_name
from infra.national_id import national_id_problem


@lru_cache(maxsize=1)
def _names() -> tuple[list[str], list[str], list[str]]:
    """Sorted, so a seed picks the same names whatever order the corpus files come in."""
    return sorted(thai_male_names()), sorted(thai_female_names()), sorted(thai_family_names())


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    sex: str  # male / female, as the BMN file writes it

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def person(rng: random.Random) -> Person:
    male, female, family = _names()
    sex = rng.choice(("male", "female"))
    first = rng.choice(male if sex == "male" else female)
    return Person(first, rng.choice(family), sex)


def with_check_digit(twelve: str) -> str:
    total = sum(int(d) * w for d, w in zip(twelve, range(13, 1, -1), strict=True))
    return twelve + str((11 - total % 11) % 10)


class NationalIds:
    """IDs as a district office issues them: type digit, the office's 4-digit code (the district's
    DOPA code), a book and line number, the check digit. Never the same one twice."""

    def __init__(self) -> None:
        self._issued: dict[str, int] = {}

    def issue(self, district_code: str, rng: random.Random) -> str:
        serial = self._issued.get(district_code, 0) + 1
        self._issued[district_code] = serial
        kind = rng.choice("13")  # 3: in the 1984 house registers; 1: born since
        found = with_check_digit(f"{kind}{district_code}{serial:07d}")
        assert national_id_problem(found) is None
        return found


def districts(province: str) -> list[str]:
    return sorted(d.code for d in geothai.districts(province))


def tambons(district: str) -> list[str]:
    return sorted(t.code for t in geothai.subdistricts(district))


def name_of(code: str, language: str = "th") -> str:
    """An area's name; a village's with its tambon's ("หมู่ที่ 1 หน้าเมือง"), so that names of
    groups in village 1 of different tambons differ."""
    if len(code) == 8:
        return f"{area_name(code, language)} {area_name(code[:6], language)}"
    return area_name(code, language)
