"""Typed commands and list queries of the funding use cases. The entrypoint builds each from the
payload its schema loaded (`infra.commands.command_of`), so a use case reads fields, never
dictionary keys. Money stays `Decimal`, exact to the satang, as the schema loaded it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from infra.commands import KEEP, Keep
from services.funding.vocabulary import CommitteeRole, InterestMethod, LineKind


def fingerprinted(command: Any) -> dict[str, Any]:
    """What a resendable command's `ClientKey` fingerprints: the payload as its schema loaded it
    (the same keys and values, so keys taken before commands were typed still match)."""
    return dataclasses.asdict(command)


@dataclass(frozen=True)
class RulesGiven:
    min_monthly_saving_thb: Decimal
    annual_interest_rate: Decimal
    interest_method: InterestMethod
    max_loan_multiple: Decimal
    max_term_months: int
    min_savings_balance_thb: Decimal = Decimal("0")


@dataclass(frozen=True)
class SeatGiven:
    person_id: str
    role: CommitteeRole


@dataclass(frozen=True)
class RegisterGroup:
    name: str
    village_code: str
    committee: tuple[SeatGiven, ...]
    rules: RulesGiven
    network_id: str | None = None


@dataclass(frozen=True)
class ChangeGroup:
    name: str
    committee: tuple[SeatGiven, ...]
    rules: RulesGiven
    network_id: str | None | Keep = KEEP  # None: leaves its network


@dataclass(frozen=True)
class RegisterNetwork:
    name: str
    district_code: str
    officers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeNetwork:
    name: str
    officers: tuple[str, ...]


@dataclass(frozen=True)
class AddMember:
    first_name: str
    last_name: str
    household_id: str | None = None
    person_id: str | None = None
    joined_on: date | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class MoveMoney:
    """A deposit, a withdrawal or a repayment."""

    amount_thb: Decimal
    on: date | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class ApplyForLoan:
    amount_thb: Decimal
    term_months: int
    purpose: str
    funding_request_id: str | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class RejectLoan:
    reason: str


@dataclass(frozen=True)
class DisburseLoan:
    on: date | None = None


@dataclass(frozen=True)
class WriteOffLoan:
    reason: str
    on: date | None = None


@dataclass(frozen=True)
class SheetLineGiven:
    kind: LineKind
    amount_thb: Decimal
    member_id: str | None = None
    loan_id: str | None = None


@dataclass(frozen=True)
class PostSheet:
    client_key: str
    meeting_on: date
    lines: tuple[SheetLineGiven, ...]


class Verdict(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"


@dataclass(frozen=True)
class DecideRequest:
    decision: Verdict
    reason: str | None = None
    member_id: str | None = None


@dataclass(frozen=True)
class SavingsReport:
    area: str
    fiscal_year: int
    rows: str | None = None
