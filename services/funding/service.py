"""Funding service: savings-for-production groups, members' savings, loans with arrears, and
households' funding access, as nameko entrypoints (in `entrypoints/`, by subject)."""

from __future__ import annotations

from infra.database import Database
from infra.service import DomainService
from infra.settings import SettingsOf
from services.funding.db import FundingUnitOfWork, metadata
from services.funding.entrypoints.access import AccessEntrypoints
from services.funding.entrypoints.arrears import ArrearsEntrypoints
from services.funding.entrypoints.audit import AuditEntrypoints
from services.funding.entrypoints.events import EventEntrypoints
from services.funding.entrypoints.groups import GroupEntrypoints
from services.funding.entrypoints.loans import LoanEntrypoints
from services.funding.entrypoints.members import MemberEntrypoints
from services.funding.entrypoints.networks import NetworkEntrypoints
from services.funding.entrypoints.repayments import RepaymentEntrypoints
from services.funding.entrypoints.reports import ReportEntrypoints
from services.funding.settings import Settings


class FundingService(
    NetworkEntrypoints,
    GroupEntrypoints,
    MemberEntrypoints,
    LoanEntrypoints,
    RepaymentEntrypoints,
    ArrearsEntrypoints,
    AccessEntrypoints,
    EventEntrypoints,
    ReportEntrypoints,
    AuditEntrypoints,
    DomainService,
):
    name = "funding"
    uow = Database(metadata, FundingUnitOfWork)
    settings = SettingsOf(Settings)
