"""In-memory stand-ins for the sage survey, the lead-trainer courses and the model households,
as `fake_repositories.py` (the reach of lists is the real repository's, covered by integration
tests: these answer every row)."""

from __future__ import annotations

from typing import Any

from infra.pagination import Page
from services.teams.domain.model_household import ModelHousehold
from services.teams.domain.sage_survey import CommunitySage, LeadTrainerCourse
from tests.unit.teams.fake_repositories import Staged


class FakeSageSurvey(Staged[Any]):
    def add_sage(self, sage: CommunitySage) -> None:
        self._insert(sage.id, sage)

    def save_sage(self, sage: CommunitySage) -> None:
        self._update(sage.id, sage)

    def sage(self, sage_id: str) -> CommunitySage | None:
        found = self._get(sage_id)
        return found if isinstance(found, CommunitySage) else None

    def sages(self, readable: Any, where: Any, after: Any, limit: int) -> Page[CommunitySage]:
        return Page([v for v in self._all().values() if isinstance(v, CommunitySage)], None)

    def add_course(self, course: LeadTrainerCourse) -> None:
        self._insert(course.id, course)

    def save_course(self, course: LeadTrainerCourse) -> None:
        self._update(course.id, course)

    def course(self, course_id: str) -> LeadTrainerCourse | None:
        found = self._get(course_id)
        return found if isinstance(found, LeadTrainerCourse) else None


class FakeModelHouseholds(Staged[ModelHousehold]):
    """`committees`: district -> organisation id; `trained`: (household, district) pairs."""

    def __init__(self) -> None:
        super().__init__()
        self.committees: dict[str, str] = {}
        self.trained: set[tuple[str, str]] = set()

    def get(self, district_code: str, fiscal_year: int) -> ModelHousehold | None:
        return self._get(f"{district_code}:{fiscal_year}")

    def add(self, chosen: ModelHousehold) -> None:
        self._insert(f"{chosen.district_code}:{chosen.fiscal_year}", chosen)

    def save(self, chosen: ModelHousehold) -> None:
        self._update(f"{chosen.district_code}:{chosen.fiscal_year}", chosen)

    def committee(self, district_code: str) -> str | None:
        return self.committees.get(district_code)

    def trained_in(self, household_id: str, district_code: str) -> bool:
        return (household_id, district_code) in self.trained
