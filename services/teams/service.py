"""Teams service: people and roles, Smile Teams and assignments, Sammachip, support organisations.

Entrypoints live in `entrypoints/` by subject; each parses, calls one use case and serialises.
"""

from __future__ import annotations

from nameko.dependency_providers import Config

from infra.database import Database
from infra.service import DomainService
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.entrypoints.households import HouseholdEventHandlers
from services.teams.entrypoints.people import PeopleEntrypoints
from services.teams.entrypoints.sammachip import SammachipEntrypoints
from services.teams.entrypoints.support import SupportEntrypoints
from services.teams.entrypoints.teams import TeamEntrypoints


class TeamsService(
    DomainService,
    PeopleEntrypoints,
    TeamEntrypoints,
    SammachipEntrypoints,
    SupportEntrypoints,
    HouseholdEventHandlers,
):
    name = "teams"
    uow = Database(metadata, TeamsUnitOfWork)
    config = Config()
