"""Teams tables, repositories and unit of work."""

from sqlalchemy import select

from infra.audit import AuditTrail
from infra.unit_of_work import UnitOfWork
from services.teams.db.caseload import CaseloadQueries
from services.teams.db.cohort_care import CohortCareRepository
from services.teams.db.cohorts import CohortRepository
from services.teams.db.community_plans import CommunityPlanRepository
from services.teams.db.group_progress import GroupReportRepository
from services.teams.db.groups import GroupRepository
from services.teams.db.households import AssignmentRepository, HouseholdRepository
from services.teams.db.metadata import audit_entries, metadata
from services.teams.db.model_households import ModelHouseholdRepository
from services.teams.db.people import PeopleRepository
from services.teams.db.plans import PlanRepository
from services.teams.db.sage_survey import SageSurveyRepository
from services.teams.db.sammachip_outcomes import SammachipOutcomes
from services.teams.db.sammachip_report import SammachipCounts
from services.teams.db.support_organisations import OrganisationRepository
from services.teams.db.targets import TargetRepository
from services.teams.db.team_plans import TeamPlanRepository
from services.teams.db.team_report import TeamReportQueries
from services.teams.db.teams import TeamRepository, team_members
from services.teams.db.trainers import TrainerTeamRepository
from services.teams.db.trainings import TrainingRepository

__all__ = ["TeamsUnitOfWork", "metadata"]


class TeamsUnitOfWork(UnitOfWork):
    people: PeopleRepository
    teams: TeamRepository
    households: HouseholdRepository
    assignments: AssignmentRepository
    caseload: CaseloadQueries
    trainer_teams: TrainerTeamRepository
    cohorts: CohortRepository
    cohort_care: CohortCareRepository
    sage_survey: SageSurveyRepository
    model_households: ModelHouseholdRepository
    trainings: TrainingRepository
    groups: GroupRepository
    organisations: OrganisationRepository
    plans: PlanRepository
    targets: TargetRepository
    community_plans: CommunityPlanRepository
    group_reports: GroupReportRepository
    sammachip_counts: SammachipCounts
    sammachip_outcomes: SammachipOutcomes
    team_report: TeamReportQueries
    team_plans: TeamPlanRepository
    audit: AuditTrail

    def open_repositories(self) -> None:
        s = self.session
        self.people = PeopleRepository(s)
        self.teams = TeamRepository(s)
        self.households = HouseholdRepository(s)
        self.assignments = AssignmentRepository(s)
        self.caseload = CaseloadQueries(s)
        self.trainer_teams = TrainerTeamRepository(s)
        self.cohorts = CohortRepository(s)
        self.cohort_care = CohortCareRepository(s)
        self.sage_survey = SageSurveyRepository(s)
        self.model_households = ModelHouseholdRepository(s)
        self.trainings = TrainingRepository(s)
        self.groups = GroupRepository(s)
        self.organisations = OrganisationRepository(s)
        self.plans = PlanRepository(s)
        self.targets = TargetRepository(s)
        self.community_plans = CommunityPlanRepository(s)
        self.group_reports = GroupReportRepository(s)
        self.sammachip_counts = SammachipCounts(s)
        self.sammachip_outcomes = SammachipOutcomes(s)
        self.team_report = TeamReportQueries(s)
        self.team_plans = TeamPlanRepository(s)
        self.audit = AuditTrail(s, audit_entries, self._correlation_id)

    def team_ids_of(self, person_id: str) -> tuple[str, ...]:
        """The Smile Teams a person serves in (forming or complete), for tokens and `identify`."""
        query = select(team_members.c.team_id).where(team_members.c.person_id == person_id)
        return tuple(sorted(self.session.execute(query).scalars()))
