"""In-memory stand-ins for the households reads (`uow.queries`, `uow.reports`) and the BMN imports'
repository (`uow.imports`), for the fake unit of work (`fakes.py`). Only what the unit-tested use
cases call; the integration tests cover the SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from infra.pagination import decode_cursor
from services.households.db.queries import HouseholdFilter, Reach, Surveyed
from services.households.db.reports import CasesFilter
from services.households.vocabulary import Stage
from tests.unit.households.fake_repositories import FakeHouseholds, Repository, Table


@dataclass(frozen=True)
class Survey:
    size: int
    income_thb: Decimal
    failed_count: int


class FakeQueries(Repository):
    """`listed`: the rows every households list answers (after the filters the real query
    applies, which the tests read from `asked`); `surveys`: BMN results by (household, year)."""

    def __init__(self, households: FakeHouseholds) -> None:
        self._households = households
        self.listed: list[Any] = []
        self.asked: list[tuple[Reach, HouseholdFilter, str | None, int]] = []
        self.surveys: dict[tuple[str, int], Survey] = {}

    def households(
        self, reach: Reach, where: HouseholdFilter, after: str | None, limit: int
    ) -> list[Any]:
        self.asked.append((reach, where, after, limit))
        return self.listed[: limit + 1]

    def untargeted_with_survey(
        self, area: str, survey_year: int, after_id: str | None, limit: int
    ) -> list[Surveyed]:
        found = sorted(
            (h for h in self._households.cases.values() if h.stage is Stage.REGISTERED),
            key=lambda h: h.id,
        )
        surveyed = [
            (h, self.surveys[h.id, survey_year])
            for h in found
            if (h.id, survey_year) in self.surveys and h.village_code.startswith(area)
        ]
        return [
            Surveyed(h, s.size, s.income_thb, s.failed_count)
            for h, s in surveyed
            if after_id is None or h.id > after_id
        ][:limit]


class FakeReports(Repository):
    """Answers the counts given to it and records the filter each count was asked for."""

    def __init__(self) -> None:
        self.asked: list[CasesFilter] = []
        self.per_stage: list[Any] = []
        self.decided: list[Any] = []
        self.kinds: list[Any] = []

    def households(self, wanted: CasesFilter) -> list[Any]:
        self.asked.append(wanted)
        return self.per_stage

    def graduations_and_plans_waiting(self, wanted: CasesFilter) -> list[Any]:
        self.asked.append(wanted)
        return self.decided

    def interventions(self, wanted: CasesFilter) -> list[Any]:
        self.asked.append(wanted)
        return self.kinds


class Job(SimpleNamespace):
    """An import's row: its columns as attributes and, as a database row has, `_mapping`."""

    @property
    def _mapping(self) -> dict[str, Any]:
        return vars(self)


class FakeImports(Repository):
    def __init__(self) -> None:
        self.jobs: Table[str, Job] = Table()
        self.chunks: Table[tuple[str, int], SimpleNamespace] = Table()
        self.problems: Table[tuple[str, int, str], SimpleNamespace] = Table()

    def create(self, row: dict[str, Any]) -> None:
        self.jobs.insert(row["id"], Job(**row))

    def get(self, import_id: str, *, for_update: bool = False) -> Job | None:
        return self.jobs.get(import_id)

    def update(self, import_id: str, **values: Any) -> None:
        job = self.jobs.get(import_id)
        if job is not None:
            self.jobs.put(import_id, Job(**{**vars(job), **values}))

    def add_chunk(self, import_id: str, sequence: int, data: bytes) -> bytes | None:
        earlier = self.chunks.get((import_id, sequence))
        if earlier is None:
            self.chunks.put(
                (import_id, sequence), SimpleNamespace(of=import_id, seq=sequence, data=data)
            )
        return None if earlier is None else earlier.data

    def chunk_summary(self, import_id: str) -> tuple[int, int]:
        sequences = [c.seq for c in self.chunks.values() if c.of == import_id]
        return len(sequences), max(sequences, default=-1)

    def content(self, import_id: str) -> bytes:
        chunks = sorted((c for c in self.chunks.values() if c.of == import_id), key=lambda c: c.seq)
        return b"".join(c.data for c in chunks)

    def add_errors(self, import_id: str, problems: list[tuple[int, str, str]]) -> None:
        for row, field, message in problems:
            found = SimpleNamespace(of=import_id, row=row, field=field, message=message)
            self.problems.put((import_id, row, field), found)

    def errors(self, import_id: str, after: str | None, limit: int) -> list[Any]:
        start = tuple(decode_cursor(after, 2)) if after else None
        found = sorted(
            (e for e in self.problems.values() if e.of == import_id),
            key=lambda e: (e.row, e.field),
        )
        return [e for e in found if start is None or (e.row, e.field) > start][: limit + 1]
