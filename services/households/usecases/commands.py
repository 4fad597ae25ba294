"""Typed commands of the households use cases. The entrypoint builds each from the payload its
schema loaded (`infra.commands.command_of`), so a use case reads fields, never dictionary keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from infra.commands import KEEP, Keep
from services.households.domain.plan import Goal, SupportRequest
from services.households.vocabulary import Kind, Stage, Status

# Lists


@dataclass(frozen=True)
class PageQuery:
    """A page of a list: after the cursor a previous page gave out, at most `limit` items."""

    limit: int = 50
    after: str | None = None


@dataclass(frozen=True)
class FindHouseholds:
    area: str | None = None
    stage: Stage | None = None
    team_id: str | None = None
    fails_income: bool | None = None
    min_failed_indicators: int | None = None
    overdue: bool | None = None
    plan_waiting: bool | None = None  # a submitted plan neither approved nor returned
    risk: tuple[str, ...] | None = None  # any of these risk levels
    order: str = "village"
    after: str | None = None
    limit: int = 50


# Targeting and the case


@dataclass(frozen=True)
class TargetHouseholds:
    area_code: str
    survey_year: int


@dataclass(frozen=True)
class RecordConsent:
    informed: bool
    consented: bool
    note: str | None = None


@dataclass(frozen=True)
class ChangeStage:
    to_stage: Stage
    reason: str
    merged_into: str | None = None


# Plans


@dataclass(frozen=True)
class SavePlan:
    problems: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    livelihood: str | None = None
    requested_support: tuple[SupportRequest, ...] = ()


@dataclass(frozen=True)
class ReturnPlan:
    reason: str


# BMN imports


@dataclass(frozen=True)
class StartImport:
    file_name: str
    survey_year: int
    format: str  # csv or xlsx


@dataclass(frozen=True)
class ImportChunk:
    sequence: int
    data_base64: str


# Reports


@dataclass(frozen=True)
class CasesReport:
    area: str
    fiscal_year: int
    rows: str | None = None  # the level of a row (district, tambon, village): the next one down


@dataclass(frozen=True)
class TeamCasesReport:
    team: str
    fiscal_year: int


# --- registry, care and interventions (a resendable command carries its client_key) ---


@dataclass(frozen=True)
class NewMember:
    first_name: str
    last_name: str
    national_id: str
    is_head: bool
    birth_date: date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class BmnResult:
    survey_year: int
    failed_indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegisterHousehold:
    village_code: str
    members: tuple[NewMember, ...]
    house_no: str | None = None
    size: int | None = None
    annual_income_thb: Decimal | None = None
    bmn: BmnResult | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class UpdateHousehold:
    reason: str  # a correction of the registry says why (kept in the audit entry)
    annual_income_thb: Decimal | None | Keep = KEEP
    size: int | Keep = KEEP
    house_no: str | None | Keep = KEEP


@dataclass(frozen=True)
class LogVisit:
    visited_at: datetime
    notes: str
    wellbeing: int
    annual_income_thb: Decimal | None = None
    problems: tuple[str, ...] = ()
    client_key: str | None = None


@dataclass(frozen=True)
class FundingAsk:
    amount_thb: Decimal
    purpose: str
    term_months: int


@dataclass(frozen=True)
class RequestIntervention:
    kind: Kind
    description: str
    owner: str | None = None
    agency: str | None = None
    funding: FundingAsk | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class UpdateIntervention:
    status: Status
    outcome: str | None = None


# Household upkeep: members join and leave, the household moves away or merges


@dataclass(frozen=True)
class AddMember:
    first_name: str
    last_name: str
    national_id: str
    reason: str
    is_head: bool = False
    birth_date: date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class RemoveMember:
    reason: str  # moved_out or deceased
    left_on: date
    new_head: int | None = None  # the member who heads the household when the head leaves
    note: str | None = None


@dataclass(frozen=True)
class ChangeHead:
    member: int
    reason: str


@dataclass(frozen=True)
class MoveMember:
    member: int
    to_household_id: str
    to_version: int  # the version of the household the member joins, as the caller read it
    moved_on: date
    reason: str
    new_head: int | None = None


@dataclass(frozen=True)
class MoveAway:
    moved_on: date
    reason: str
    destination_area_code: str | None = None


@dataclass(frozen=True)
class MergeHousehold:
    into_household_id: str
    into_version: int
    reason: str
