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
from services.teams.entrypoints.cohorts import CohortEntrypoints
from services.teams.entrypoints.events import EventEntrypoints
from services.teams.entrypoints.groups import GroupEntrypoints
from services.teams.entrypoints.people import PeopleEntrypoints
from services.teams.entrypoints.programme import ProgrammeEntrypoints
from services.teams.entrypoints.sammachip_report import SammachipReportEntrypoints
from services.teams.entrypoints.support import SupportEntrypoints
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
    GroupEntrypoints,
    ProgrammeEntrypoints,
    SupportEntrypoints,
    EventEntrypoints,
    TeamReportEntrypoints,
    SammachipReportEntrypoints,
):
    name = "teams"
    uow = Database(metadata, TeamsUnitOfWork)
    settings = SettingsOf(Settings)
