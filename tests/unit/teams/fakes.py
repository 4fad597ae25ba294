"""A fake unit of work for the teams use cases, so that they run with no database and no broker.
Its repositories (`fake_repositories.py`, `fake_programme.py`, `fake_support_organisations.py`)
keep what a transaction wrote apart until `commit()`, like the real ones: leaving `with uow:`
without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from services.teams.domain.assignment import Assignment
from services.teams.domain.cohort import Cohort
from services.teams.domain.community_plans import CommunityPlan
from services.teams.domain.groups import OccupationGroup
from services.teams.domain.households import KnownHousehold
from services.teams.domain.person import Person
from services.teams.domain.support_organisations import ActionPlan, Organisation
from services.teams.domain.team import Team
from services.teams.domain.trainers import TrainerTeam
from tests.unit.fake_audit import FakeAudit
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.teams.fake_cohort_care import FakeCohortCare
from tests.unit.teams.fake_programme import (
    FakeCohorts,
    FakeCommunityPlans,
    FakeGroupReports,
    FakeGroups,
    FakeTargets,
    FakeTrainerTeams,
    FakeTrainings,
)
from tests.unit.teams.fake_reports import (
    FakeSammachipCounts,
    FakeSammachipOutcomes,
    FakeTeamReport,
)
from tests.unit.teams.fake_repositories import (
    FakeAssignments,
    FakeCaseload,
    FakeHouseholds,
    FakePeople,
    FakeTeams,
    Staged,
)
from tests.unit.teams.fake_sage_survey import FakeModelHouseholds, FakeSageSurvey
from tests.unit.teams.fake_support_organisations import FakeOrganisations, FakePlans
from tests.unit.teams.fake_team_plans import FakeTeamPlans


class FakeUnitOfWork(FakeTransactions):
    """What the teams use cases use of `TeamsUnitOfWork`, in memory (the transaction:
    `tests/unit/fake_unit_of_work.py`)."""

    def __init__(self) -> None:
        self.people = FakePeople()
        self.teams = FakeTeams()
        self.households = FakeHouseholds()
        self.assignments = FakeAssignments()
        self.trainer_teams = FakeTrainerTeams()
        self.cohorts = FakeCohorts()
        self.cohort_care = FakeCohortCare(self.cohorts)
        self.sage_survey = FakeSageSurvey()
        self.model_households = FakeModelHouseholds()
        self.trainings = FakeTrainings()
        self.groups = FakeGroups()
        self.group_reports = FakeGroupReports()
        self.targets = FakeTargets()
        self.community_plans = FakeCommunityPlans()
        self.organisations = FakeOrganisations()
        self.plans = FakePlans()
        self.team_plans = FakeTeamPlans(self.plans)
        self.caseload = FakeCaseload()
        self.team_report = FakeTeamReport()
        self.sammachip_counts = FakeSammachipCounts()
        self.audit = FakeAudit()
        self.sammachip_outcomes = FakeSammachipOutcomes()
        super().__init__()

    def given(self, *items: Any) -> Self:
        """Committed state before the test: people, teams, households, assignments, trainer
        teams, cohorts, occupation groups, community plans, organisations and plans."""
        tables: dict[type, Staged[Any]] = {
            Person: self.people,
            Team: self.teams,
            KnownHousehold: self.households,
            Assignment: self.assignments,
            TrainerTeam: self.trainer_teams,
            Cohort: self.cohorts,
            OccupationGroup: self.groups,
            CommunityPlan: self.community_plans,
            Organisation: self.organisations,
            ActionPlan: self.plans,
        }
        for item in items:
            key = item.household_id if isinstance(item, Assignment) else item.id
            tables[type(item)].rows[key] = item
        return self

    def _repositories(self) -> Iterable[Staged[Any] | FakeAudit]:
        return (
            self.audit,
            self.people,
            self.teams,
            self.households,
            self.assignments,
            self.trainer_teams,
            self.cohorts,
            self.cohort_care,
            self.sage_survey,
            self.model_households,
            self.trainings,
            self.groups,
            self.group_reports,
            self.targets,
            self.community_plans,
            self.organisations,
            self.plans,
            self.team_plans,
        )
