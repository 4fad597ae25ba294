"""Resendable commands' fingerprints do not change: infra's ClientKey fingerprints a request as
funding's own did, and a typed command fingerprints as the payload its schema loaded, so a key
taken before still replays and a different request under it is still refused."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from infra.client_requests import ClientKey
from infra.commands import command_of
from services.funding.schemas.common import parse
from services.funding.schemas.loans import LoanApplication
from services.funding.schemas.members import MemberIn, Movement
from services.funding.schemas.repayments import CollectionSheetIn
from services.funding.schemas.sheet_input import parse_sheet
from services.funding.usecases.commands import (
    AddMember,
    ApplyForLoan,
    MoveMoney,
    PostSheet,
    fingerprinted,
)

TARGET = "7f1e2d3c-4b5a-4968-8776-655443322110"
MEMBER = "0d6f1c1e-9b7a-4d51-8c36-1f3e5a7b9c2d"
LOAN = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
SHEET = {
    "client_key": "sheet-1",
    "meeting_on": "2026-11-20",
    "lines": [
        {"kind": "deposit", "amount_thb": "100.50", "member_id": MEMBER},
        {"kind": "repayment", "amount_thb": "250.00", "loan_id": LOAN},
    ],
}


def funding_fingerprint(command: str, target_id: str, loaded: dict[str, Any]) -> str:
    """Funding's ClientKey before infra.client_requests, as it was written."""
    body = {k: v for k, v in loaded.items() if k != "client_key"}
    canonical = json.dumps([command, target_id, body], sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


RESENDABLE = [
    ("deposit", MoveMoney, parse(Movement, {"amount_thb": "150.25", "client_key": "k1"})),
    ("repay_loan", MoveMoney, parse(Movement, {"amount_thb": "9.99", "on": "2026-11-19"})),
    (
        "add_member",
        AddMember,
        parse(MemberIn, {"first_name": " Malee ", "last_name": "Suksai", "client_key": "k2"}),
    ),
    (
        "apply_for_loan",
        ApplyForLoan,
        parse(LoanApplication, {"amount_thb": "5000", "term_months": 6, "purpose": "seed"}),
    ),
    ("collection_sheet", PostSheet, parse_sheet(SHEET)),
    ("collection_sheet", PostSheet, parse(CollectionSheetIn, SHEET)),
]


@pytest.mark.parametrize(("name", "cls", "loaded"), RESENDABLE)
def test_infra_fingerprints_a_loaded_payload_as_funding_did(name, cls, loaded) -> None:
    assert ClientKey(name, TARGET, loaded).fingerprint == funding_fingerprint(name, TARGET, loaded)


@pytest.mark.parametrize(("name", "cls", "loaded"), RESENDABLE)
def test_a_typed_command_fingerprints_as_its_loaded_payload(name, cls, loaded) -> None:
    typed = ClientKey(name, TARGET, fingerprinted(command_of(cls, loaded)))

    assert typed.fingerprint == funding_fingerprint(name, TARGET, loaded)
    assert typed.key == loaded["client_key"]


def test_a_different_amount_is_a_different_request() -> None:
    one = command_of(MoveMoney, parse(Movement, {"amount_thb": "150.25"}))
    other = command_of(MoveMoney, parse(Movement, {"amount_thb": "150.26"}))

    first = ClientKey("deposit", TARGET, fingerprinted(one)).fingerprint
    assert first != ClientKey("deposit", TARGET, fingerprinted(other)).fingerprint
