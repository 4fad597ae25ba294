"""Funding's news of loans as the households' risk reads them (a row of `subscriptions.TABLE`
each): the arrears signal of the loan's household, then, for a repayment and a write-off, the
intervention's own reaction (`reactions`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.envelope import ReceivedEvent
from services.households.dates import today
from services.households.db import HouseholdsUnitOfWork
from services.households.settings import Settings
from services.households.usecases import reactions
from services.households.usecases.risk import reassess


def loan_overdue(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    """Funding's daily arrears news of a loan: the household's arrears signal."""
    data = event.data
    with uow:
        if not uow.first_delivery(event):
            return
        if data["household_id"] is not None:
            household_id = str(data["household_id"])
            days = max(int(data["days_overdue"]), 1)
            uow.risks.record_arrears(str(data["loan_id"]), household_id, days, data["as_of"])
            reassess(uow, [household_id], settings, now)
        uow.commit()


def loan_repaid(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    """A repayment out of arrears (or closing the loan) ends its arrears; then the intervention's
    own reaction (`reactions.loan_repaid`)."""
    data = event.data
    if not data["in_arrears"] or data["closed"]:
        _arrears_ended(uow, data, data["repaid_on"], settings, now)
    reactions.loan_repaid(uow, event, now, settings)


def loan_written_off(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    """A loan written off runs no more arrears (its write-off is the intervention's outcome)."""
    _arrears_ended(uow, event.data, event.data["written_off_on"], settings, now)
    reactions.loan_written_off(uow, event, now, settings)


def _arrears_ended(
    uow: HouseholdsUnitOfWork, data: dict[str, Any], on: Any, settings: Settings, now: datetime
) -> None:
    """Idempotent on its own (a later news of the loan wins), so it commits apart from the
    reaction that follows and may be retried."""
    if data["household_id"] is None:
        return
    household_id = str(data["household_id"])
    with uow:
        uow.risks.record_arrears(str(data["loan_id"]), household_id, 0, on or today(now))
        reassess(uow, [household_id], settings, now)
        uow.commit()
