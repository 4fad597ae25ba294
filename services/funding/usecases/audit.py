"""Audit entries of the funding use cases: one per change of a savings group, a member or a loan,
in the change's transaction. A collection sheet writes one entry per member whose savings it
changed and one per loan it was repaid on (action `collection_sheet`). Money moves are in the
ledger as well; an entry names what changed on the object (a balance, a status)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from infra.audit import changes
from services.funding.db import FundingUnitOfWork
from services.funding.domain.group import Group
from services.funding.domain.loan import Loan
from services.funding.domain.member import Member

GROUP, MEMBER, LOAN = "savings_group", "member", "loan"


def group_values(group: Group | None) -> dict[str, Any]:
    if group is None:
        return {}
    return _jsonable(
        {
            "name": group.name,
            "rules": asdict(group.rules),
            "committee": [asdict(seat) for seat in group.committee],
            "network_id": group.network_id,
        }
    )


def member_values(member: Member | None) -> dict[str, Any]:
    if member is None:
        return {}
    names = ("first_name", "last_name", "household_id", "person_id", "status")
    values = {name: getattr(member, name) for name in names}
    return _jsonable({**values, "savings": _thb(member.savings)})


def loan_values(loan: Loan | None) -> dict[str, Any]:
    if loan is None:
        return {}
    names = (
        "principal",
        "term_months",
        "purpose",
        "status",
        "decided_by",
        "decision_reason",
        "disbursed_on",
        "closed_on",
        "written_off",
        "write_off_reason",
    )
    values = {name: getattr(loan, name) for name in names}
    money = {"principal", "written_off"}
    values = {k: _thb(v) if k in money else v for k, v in values.items()}
    return _jsonable({**values, "outstanding_principal": _thb(loan.outstanding_principal)})


VALUES = {GROUP: group_values, MEMBER: member_values, LOAN: loan_values}


def record(
    uow: FundingUnitOfWork,
    area: str,
    item: Group | Member | Loan,
    before: dict[str, Any],
    action: str,
    by: str,
    now: datetime,
    reason: str | None = None,
) -> None:
    """An entry for `item` (`before`: its values before the change, from `VALUES`; {} if new)."""
    object_type = _type_of(item)
    uow.audit.record(
        object_type=object_type,
        object_id=item.id,
        area_code=area,
        action=action,
        actor_id=by,
        at=now,
        changed=changes(before, VALUES[object_type](item)),  # type: ignore[operator]
        reason=reason,
    )


def _type_of(item: Group | Member | Loan) -> str:
    if isinstance(item, Group):
        return GROUP
    return MEMBER if isinstance(item, Member) else LOAN


def _thb(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, default=str))
