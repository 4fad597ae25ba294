"""Funding service: savings-for-production groups, members' savings, loans with arrears, and
households' funding access. The entrypoints live in `rpc/`, by subject."""

from infra.database import Database
from infra.service import DomainService
from services.funding.db import FundingUnitOfWork, metadata
from services.funding.rpc.access import AccessEntrypoints
from services.funding.rpc.groups import GroupEntrypoints
from services.funding.rpc.money import MoneyEntrypoints


class FundingService(GroupEntrypoints, MoneyEntrypoints, AccessEntrypoints, DomainService):
    name = "funding"
    uow = Database(metadata, FundingUnitOfWork)
