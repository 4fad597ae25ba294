"""In-memory stand-ins for the Sammachip repositories (trainer teams, cohorts, trainings,
occupation groups and their reports, targets, community plans), as `fake_repositories.py`."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from infra.pagination import Page
from services.teams.domain.cohort import Cohort, Session, occupation_key
from services.teams.domain.community_plans import CommunityPlan
from services.teams.domain.group_progress import GroupReport
from services.teams.domain.groups import OccupationGroup
from services.teams.domain.targets import Targets
from services.teams.domain.trainers import TrainerTeam
from tests.unit.teams.fake_repositories import Listed, Staged

V = TypeVar("V")


class ById(Listed[V], Staged[V]):
    """Rows keyed by their `id`, written with `add` and (versioned) `save`."""

    def add(self, item: V) -> None:
        self._insert(item.id, item)  # type: ignore[attr-defined]

    def save(self, item: V) -> None:
        self._update(item.id, item)  # type: ignore[attr-defined]

    def get(self, item_id: str) -> V | None:
        return self._get(item_id)


class FakeTrainerTeams(ById[TrainerTeam]):
    def of_village(self, village_code: str) -> TrainerTeam | None:
        return next((t for t in self._all().values() if t.village_code == village_code), None)

    def of_person(self, person_id: str) -> list[TrainerTeam]:
        return [t for t in self._all().values() if person_id in t.member_ids]


class FakeCohorts(ById[Cohort]):
    """Sessions and attendance marks are entries: `{"session": s}` and `{"marks": (id, m)}`."""

    def add_session(self, session: Session) -> None:
        self._entries.append({"session": session})

    def sessions(self, cohort_id: str) -> list[Session]:
        held = [e["session"] for e in self._written() if "session" in e]
        return [s for s in held if s.cohort_id == cohort_id]

    def mark(self, session_id: str, marks: dict[str, bool]) -> None:
        self._entries.append({"marks": (session_id, marks)})

    def attendance(self, session_ids: list[str]) -> dict[str, dict[str, bool]]:
        found: dict[str, dict[str, bool]] = {}
        for session_id, marks in (e["marks"] for e in self._written() if "marks" in e):
            if session_id in session_ids:
                found.setdefault(session_id, {}).update(marks)
        return found

    def _written(self) -> list[dict[str, Any]]:
        return self.entries + self._entries


class FakeTrainings(Staged[Any]):
    """Who completed training in what: entries `{"household_id", "occupation"}`."""

    def record(self, cohort: Cohort, households: list[str]) -> None:
        self._entries += [
            {"household_id": h, "cohort_id": cohort.id, "occupation": cohort.occupation}
            for h in households
        ]

    def finished(self, cohort_id: str) -> set[str]:
        written = self.entries + self._entries
        return {e["household_id"] for e in written if e["cohort_id"] == cohort_id}

    def occupations_of(self, household_ids: list[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for e in self.entries + self._entries:
            if e["household_id"] in household_ids:
                found.setdefault(e["household_id"], set()).add(occupation_key(e["occupation"]))
        return found


class FakeGroups(ById[OccupationGroup]):
    pass


class FakeGroupReports(Staged[GroupReport]):
    def add(self, report: GroupReport) -> None:
        self._insert(_month(report.group_id, report.period), report)

    def save(self, report: GroupReport) -> None:
        self._update(_month(report.group_id, report.period), report)

    def get(self, group_id: str, period: date) -> GroupReport | None:
        return self._get(_month(group_id, period))

    def of_group(self, group_id: str, after: str | None, limit: int) -> Page[GroupReport]:
        reports = [r for r in self._all().values() if r.group_id == group_id]
        return Page(sorted(reports, key=lambda r: r.period)[:limit], None)


class FakeTargets(Staged[Targets]):
    def add(self, targets: Targets) -> None:
        self._insert(f"{targets.area_code}/{targets.fiscal_year}", targets)

    def save(self, targets: Targets) -> None:
        self._update(f"{targets.area_code}/{targets.fiscal_year}", targets)

    def get(self, area_code: str, fiscal_year: int) -> Targets | None:
        return self._get(f"{area_code}/{fiscal_year}")

    def of_year(self, area_codes: list[str], fiscal_year: int) -> dict[str, Targets]:
        found = (self.get(area, fiscal_year) for area in area_codes)
        return {t.area_code: t for t in found if t is not None}


class FakeCommunityPlans(ById[CommunityPlan]):
    def of_tambon(self, tambon_code: str, fiscal_year: int) -> CommunityPlan | None:
        plans = self._all().values()
        return next(
            (p for p in plans if (p.tambon_code, p.fiscal_year) == (tambon_code, fiscal_year)),
            None,
        )


def _month(group_id: str, period: date) -> str:
    return f"{group_id}/{period:%Y-%m}"
