"""The demo's data, generated from fixed seeds: the same households, teams and villages every
time, nothing from the network. Loading them is the other modules' work."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from demo.thai import NationalIds, Person, districts, person, tambons

SURVEY_YEAR = 2026
THRESHOLD_THB = Decimal(38000)  # BMN income criterion per person and year (config/smile.yaml)
CHACHOENGSAO, PATTANI = "24", "94"
# Chachoengsao ran 31 Smile Teams (seed 003): more in the larger districts.
TEAMS_PER_DISTRICT = {
    "2401": 5, "2405": 4, "2402": 3, "2403": 3, "2404": 3, "2406": 3,
    "2407": 2, "2408": 2, "2409": 2, "2410": 2, "2411": 2,
}  # fmt: skip
CHACHOENGSAO_HOUSEHOLDS = 3000
PATTANI_VILLAGES, PATTANI_TAMBONS, PER_VILLAGE = 123, 73, 20  # seed 000's KPIs
# What happens to a team's first targeted households (the rest stay in target): every team has
# a funding request and overdue visits its expert took up; half the teams show each other fate.
EVERY_TEAM = ("manage_funding", "care_overdue_acknowledged", "care_overdue_resolved")
SOME_TEAMS = (
    "declined", "compass_draft", "compass_returned", "care", "graduated",
    "compass_submitted", "manage", "care_overdue", "care_income_fell", "moved",
)  # fmt: skip
FATES = EVERY_TEAM + SOME_TEAMS


def fates_of(team_number: int) -> tuple[str, ...]:
    """The fates a team's cases take: odd and even teams take a different half of the others."""
    half = len(SOME_TEAMS) // 2
    return EVERY_TEAM + SOME_TEAMS[half * (team_number % 2) :][:half]


@dataclass(frozen=True)
class Household:
    village_code: str
    national_id: str
    head: Person
    size: int
    annual_income_thb: Decimal
    house_no: str
    birth_date: date
    failed_indicators: tuple[str, ...]

    @property
    def targeted(self) -> bool:
        """What targeting picks: poor by income, or failing another BMN indicator (D3.1)."""
        return bool(self.failed_indicators)

    @property
    def income_per_person(self) -> Decimal:
        return self.annual_income_thb / self.size

    @property
    def fails_income(self) -> bool:
        return self.income_per_person < THRESHOLD_THB

    @property
    def key(self) -> tuple[str, str]:
        """How the loader finds it again in a list: house numbers are unique in a village."""
        return self.village_code, self.house_no


@dataclass(frozen=True)
class Team:
    number: int  # 1..31 over the province
    district: str
    tambon: str
    villages: tuple[str, ...]
    households: tuple[Household, ...]
    fates: dict[str, str] = field(default_factory=dict)  # national ID -> fate


def _household(
    village: str, house_no: int, ids: NationalIds, rng: random.Random, poor_share: float
) -> Household:
    size = rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7))
    poor = rng.random() < poor_share
    per_person = rng.uniform(14000, 37000) if poor else rng.uniform(39000, 90000)
    income = Decimal(round(per_person * size, -2))
    failing = rng.randint(1, 4) if poor else rng.choice((0, 0, 0, 0, 0, 0, 0, 1))
    failed = {str(rng.randint(1, 31)) for _ in range(failing)}
    if income / size < THRESHOLD_THB:
        failed.add("23")  # indicator 23: income per person
    born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
    return Household(
        village,
        ids.issue(village[:4], rng),
        person(rng),
        size,
        income,
        str(house_no),
        born,
        tuple(sorted(failed, key=int)),
    )


def chachoengsao_teams(seed: int = 3) -> list[Team]:
    """31 teams, one tambon each, about 3,000 households in 4-6 villages of those tambons."""
    rng, ids = random.Random(seed), NationalIds()
    places = [(d, t) for d in districts(CHACHOENGSAO) for t in tambons(d)[: TEAMS_PER_DISTRICT[d]]]
    teams = []
    for number, (district, tambon) in enumerate(places, start=1):
        count = CHACHOENGSAO_HOUSEHOLDS // len(places) + (number <= CHACHOENGSAO_HOUSEHOLDS % 31)
        villages = tuple(f"{tambon}{n:02d}" for n in range(1, rng.randint(4, 6) + 1))
        rows = tuple(
            _household(villages[i % len(villages)], 1 + i // len(villages), ids, rng, 0.6)
            for i in range(count)
        )
        poor = sorted((h for h in rows if h.fails_income), key=lambda h: h.national_id)
        fates = dict(zip((h.national_id for h in poor), fates_of(number), strict=False))
        teams.append(Team(number, district, tambon, villages, rows, fates))
    return teams


@dataclass(frozen=True)
class Village:
    code: str
    occupation: str
    households: tuple[Household, ...]


OCCUPATIONS = (
    "จักสานกระจูด", "ทำขนมพื้นบ้าน", "เลี้ยงแพะ", "ปลูกผักปลอดสารพิษ", "ทำผ้าบาติก",
    "เลี้ยงไก่พื้นเมือง", "แปรรูปปลาแห้ง", "ทำกรงนก", "ปลูกทุเรียน", "ทำน้ำพริก",
    "เลี้ยงผึ้งชันโรง", "ตัดเย็บเสื้อผ้า", "ทำปุ๋ยหมัก", "ซ่อมเครื่องยนต์เล็ก",
)  # fmt: skip


def pattani_villages(seed: int = 0) -> list[Village]:
    """123 target villages in 73 tambons spread over the 12 districts, 20 households each."""
    rng, ids = random.Random(seed), NationalIds()
    per_district = [tambons(d) for d in districts(PATTANI)]
    chosen: list[str] = []
    while len(chosen) < PATTANI_TAMBONS:  # round-robin, so every district takes part
        for codes in per_district:
            if codes and len(chosen) < PATTANI_TAMBONS:
                chosen.append(codes.pop(0))
    two = PATTANI_VILLAGES - PATTANI_TAMBONS  # this many tambons train in two villages
    codes = [f"{t}{n:02d}" for i, t in enumerate(chosen) for n in range(1, 2 + (i < two))]
    return [
        Village(
            code,
            OCCUPATIONS[i % len(OCCUPATIONS)],
            tuple(_household(code, n, ids, rng, 0.9) for n in range(1, PER_VILLAGE + 1)),
        )
        for i, code in enumerate(codes)
    ]


def bmn_csv(households: list[Household]) -> bytes:
    """The BMN-style import file (UTF-8 with BOM, as Excel writes it)."""
    header = (
        "village_code,head_national_id,head_first_name,head_last_name,household_size,"
        "annual_income_thb,house_no,head_birth_date,head_sex,failed_indicators"
    )
    lines = [
        f"{h.village_code},{h.national_id},{h.head.first_name},{h.head.last_name},{h.size},"
        f"{h.annual_income_thb},{h.house_no},{h.birth_date.isoformat()},{h.head.sex},"
        f"{';'.join(h.failed_indicators)}"
        for h in households
    ]
    return "\n".join([header, *lines, ""]).encode("utf-8-sig")
