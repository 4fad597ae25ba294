"""Teams service: people and roles, Smile Teams and assignments, Sammachip (and its programme
targets, sub-district plans and report), support organisations.

Entrypoints live in `entrypoints/` by subject; each parses, calls one use case and serialises.
"""

from __future__ import annotations

from infra.database import Database
from infra.service import DomainService
from infra.settings import SettingsOf
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.entrypoints.assignments import AssignmentEntrypoints
from services.teams.entrypoints.audit import AuditEntrypoints
from services.teams.entrypoints.cohort_care import CohortCareEntrypoints
from services.teams.entrypoints.cohorts import CohortEntrypoints
from services.teams.entrypoints.community_plans import CommunityPlanEntrypoints
from services.teams.entrypoints.events import EventEntrypoints
from services.teams.entrypoints.group_progress import GroupProgressEntrypoints
from services.teams.entrypoints.groups import GroupEntrypoints
from services.teams.entrypoints.model_households import ModelHouseholdEntrypoints
from services.teams.entrypoints.people import PeopleEntrypoints
from services.teams.entrypoints.sage_survey import SageSurveyEntrypoints
from services.teams.entrypoints.sammachip_report import SammachipReportEntrypoints
from services.teams.entrypoints.support_organisations import SupportEntrypoints
from services.teams.entrypoints.targets import TargetEntrypoints
from services.teams.entrypoints.team_plans import TeamPlanEntrypoints
from services.teams.entrypoints.team_report import TeamReportEntrypoints
from services.teams.entrypoints.teams import TeamEntrypoints
from services.teams.entrypoints.trainers import TrainerTeamEntrypoints
from services.teams.settings import Settings


class TeamsService(
    DomainService,
    PeopleEntrypoints,
    TeamEntrypoints,
    AssignmentEntrypoints,
    TrainerTeamEntrypoints,
    CohortEntrypoints,
    CohortCareEntrypoints,
    SageSurveyEntrypoints,
    ModelHouseholdEntrypoints,
    GroupEntrypoints,
    GroupProgressEntrypoints,
    TargetEntrypoints,
    CommunityPlanEntrypoints,
    SupportEntrypoints,
    TeamPlanEntrypoints,
    EventEntrypoints,
    TeamReportEntrypoints,
    SammachipReportEntrypoints,
    AuditEntrypoints,
):
    name = "teams"
    uow = Database(metadata, TeamsUnitOfWork)
    settings = SettingsOf(Settings)
