"""Teams tables, repositories and unit of work."""

from sqlalchemy import select

from infra.unit_of_work import UnitOfWork
from services.teams.db.caseload import CaseloadQueries
from services.teams.db.cohorts import CohortRepository
from services.teams.db.group_progress import GroupReportRepository
from services.teams.db.groups import GroupRepository
from services.teams.db.households import AssignmentRepository, HouseholdRepository
from services.teams.db.metadata import metadata
from services.teams.db.people import PeopleRepository
from services.teams.db.plans import PlanRepository
from services.teams.db.sammachip_report import SammachipCounts
from services.teams.db.support import OrganisationRepository
from services.teams.db.targets import CommunityPlanRepository, TargetRepository
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
    trainings: TrainingRepository
    groups: GroupRepository
    organisations: OrganisationRepository
    plans: PlanRepository
    targets: TargetRepository
    community_plans: CommunityPlanRepository
    group_reports: GroupReportRepository
    sammachip_counts: SammachipCounts
    team_report: TeamReportQueries

    def open_repositories(self) -> None:
        s = self.session
        self.people = PeopleRepository(s)
        self.teams = TeamRepository(s)
        self.households = HouseholdRepository(s)
        self.assignments = AssignmentRepository(s)
        self.caseload = CaseloadQueries(s)
        self.trainer_teams = TrainerTeamRepository(s)
        self.cohorts = CohortRepository(s)
        self.trainings = TrainingRepository(s)
        self.groups = GroupRepository(s)
        self.organisations = OrganisationRepository(s)
        self.plans = PlanRepository(s)
        self.targets = TargetRepository(s)
        self.community_plans = CommunityPlanRepository(s)
        self.group_reports = GroupReportRepository(s)
        self.sammachip_counts = SammachipCounts(s)
        self.team_report = TeamReportQueries(s)

    def team_ids_of(self, person_id: str) -> tuple[str, ...]:
        """The Smile Teams a person serves in (forming or complete), for tokens and `identify`."""
        query = select(team_members.c.team_id).where(team_members.c.person_id == person_id)
        return tuple(sorted(self.session.execute(query).scalars()))
