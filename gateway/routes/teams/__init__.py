"""Teams routes (the teams service), one module per subject."""

from gateway.routes.teams.assignments import AssignmentRoutes
from gateway.routes.teams.cohorts import CohortRoutes
from gateway.routes.teams.group_progress import GroupProgressRoutes
from gateway.routes.teams.groups import OccupationGroupRoutes
from gateway.routes.teams.organisations import OrganisationRoutes
from gateway.routes.teams.programme import ProgrammeRoutes
from gateway.routes.teams.teams import SmileTeamRoutes
from gateway.routes.teams.trainers import TrainerTeamRoutes

__all__ = [
    "AssignmentRoutes",
    "CohortRoutes",
    "GroupProgressRoutes",
    "OccupationGroupRoutes",
    "OrganisationRoutes",
    "ProgrammeRoutes",
    "SmileTeamRoutes",
    "TrainerTeamRoutes",
]

TEAMS_ROUTES = (
    SmileTeamRoutes,
    AssignmentRoutes,
    TrainerTeamRoutes,
    CohortRoutes,
    OccupationGroupRoutes,
    GroupProgressRoutes,
    OrganisationRoutes,
    ProgrammeRoutes,
)
