"""Household routes (the households service), one module per part of the case."""

from gateway.routes.households.case import CaseRoutes
from gateway.routes.households.imports import ImportRoutes
from gateway.routes.households.registry import RegistryRoutes

HOUSEHOLD_ROUTES = (RegistryRoutes, CaseRoutes, ImportRoutes)
