"""Households service: the registry and the four-stage case, as nameko entrypoints."""

from __future__ import annotations

from infra.database import Database
from infra.service import DomainService
from infra.settings import SettingsOf
from infra.timers import StopRequested
from services.households.db import HouseholdsUnitOfWork, metadata
from services.households.db.imports import IMPORT_ROWS_READ, IMPORTS_UNFINISHED
from services.households.entrypoints.audit import AuditEntrypoints
from services.households.entrypoints.care import CareEntrypoints
from services.households.entrypoints.case import CaseEntrypoints
from services.households.entrypoints.events import EventEntrypoints
from services.households.entrypoints.imports import ImportEntrypoints
from services.households.entrypoints.interventions import InterventionEntrypoints
from services.households.entrypoints.members import MemberEntrypoints
from services.households.entrypoints.plans import PlanEntrypoints
from services.households.entrypoints.registry import RegistryEntrypoints
from services.households.entrypoints.relocation import RelocationEntrypoints
from services.households.entrypoints.reports import ReportEntrypoints
from services.households.entrypoints.risk import RiskEntrypoints
from services.households.entrypoints.targeting import TargetingEntrypoints
from services.households.settings import Settings


class HouseholdsService(
    RegistryEntrypoints,
    TargetingEntrypoints,
    CaseEntrypoints,
    MemberEntrypoints,
    RelocationEntrypoints,
    PlanEntrypoints,
    InterventionEntrypoints,
    ImportEntrypoints,
    CareEntrypoints,
    EventEntrypoints,
    ReportEntrypoints,
    AuditEntrypoints,
    RiskEntrypoints,
    DomainService,
):
    name = "households"
    uow = Database(metadata, HouseholdsUnitOfWork, gauges=(IMPORTS_UNFINISHED, IMPORT_ROWS_READ))
    settings = SettingsOf(Settings)
    stop_requested = StopRequested()
