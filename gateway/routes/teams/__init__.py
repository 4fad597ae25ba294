"""Teams routes (the teams service), one module per subject."""

from gateway.routes.teams.assignments import AssignmentRoutes
from gateway.routes.teams.cohort_care import CohortCareRoutes
from gateway.routes.teams.cohorts import CohortRoutes
from gateway.routes.teams.community_plans import CommunityPlanRoutes
from gateway.routes.teams.group_progress import GroupProgressRoutes
from gateway.routes.teams.groups import OccupationGroupRoutes
from gateway.routes.teams.history import TeamHistoryRoutes
from gateway.routes.teams.sage_survey import SageSurveyRoutes
from gateway.routes.teams.support_organisations import OrganisationRoutes
from gateway.routes.teams.targets import TargetRoutes
from gateway.routes.teams.team_plans import TeamPlanRoutes
from gateway.routes.teams.teams import SmileTeamRoutes
from gateway.routes.teams.trainers import TrainerTeamRoutes

__all__ = [
    "AssignmentRoutes",
    "CohortCareRoutes",
    "CohortRoutes",
    "CommunityPlanRoutes",
    "GroupProgressRoutes",
    "OccupationGroupRoutes",
    "OrganisationRoutes",
    "SageSurveyRoutes",
    "SmileTeamRoutes",
    "TargetRoutes",
    "TeamHistoryRoutes",
    "TeamPlanRoutes",
    "TrainerTeamRoutes",
]

TEAMS_ROUTES = (
    SmileTeamRoutes,
    AssignmentRoutes,
    TrainerTeamRoutes,
    CohortRoutes,
    CohortCareRoutes,
    SageSurveyRoutes,
    OccupationGroupRoutes,
    GroupProgressRoutes,
    OrganisationRoutes,
    TargetRoutes,
    CommunityPlanRoutes,
    TeamPlanRoutes,
    TeamHistoryRoutes,
)
