"""Household routes (the households service), one module per subject, named as in the service."""

from gateway.routes.households.care import CareRoutes
from gateway.routes.households.case import CaseRoutes
from gateway.routes.households.history import HistoryRoutes
from gateway.routes.households.imports import ImportRoutes
from gateway.routes.households.interventions import InterventionRoutes
from gateway.routes.households.members import MemberRoutes
from gateway.routes.households.plans import PlanRoutes
from gateway.routes.households.registry import RegistryRoutes
from gateway.routes.households.relocation import RelocationRoutes
from gateway.routes.households.targeting import TargetingRoutes

HOUSEHOLD_ROUTES = (
    RegistryRoutes,
    TargetingRoutes,
    CaseRoutes,
    MemberRoutes,
    RelocationRoutes,
    PlanRoutes,
    InterventionRoutes,
    CareRoutes,
    ImportRoutes,
    HistoryRoutes,
)
