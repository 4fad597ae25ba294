"""Typed list queries: a page (`after`, `limit`) and the list's filters, which the entrypoint builds
from the query its schema loaded (`infra.commands.command_of`) and the repositories translate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageQuery:
    after: str | None = None
    limit: int = 50


@dataclass(frozen=True)
class GroupQuery(PageQuery):
    network_id: str | None = None
    area: str | None = None


@dataclass(frozen=True)
class EntryQuery(PageQuery):
    member_id: str | None = None
    loan_id: str | None = None


@dataclass(frozen=True)
class LoanQuery(PageQuery):
    status: str | None = None
    member_id: str | None = None


@dataclass(frozen=True)
class RequestQuery(PageQuery):
    status: str | None = None
