"""What other services' events change here: the case's team, and interventions' progress.

Each public function is the use case of a row of `subscriptions.TABLE`, called the same way:
`(uow, event, now, settings)`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from infra.envelope import ReceivedEvent
from infra.errors import Conflict
from infra.logs import get_logger
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household
from services.households.domain.intervention import Intervention
from services.households.settings import Settings
from services.households.usecases.care import maybe_graduate
from services.households.usecases.common import save_case
from services.households.usecases.interventions import change
from services.households.vocabulary import Kind, Status

log = get_logger(__name__)


class LoanNotYetKnown(Exception):
    """A repayment arrived before its disbursement: retried until the disbursement is in."""


def team_assigned(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, _now: datetime, _settings: Settings
) -> None:
    _assign_team(uow, event, event.data["team_id"], event.data["assigned_at"])


def team_reassigned(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, _now: datetime, _settings: Settings
) -> None:
    _assign_team(uow, event, event.data["to_team_id"], event.data["reassigned_at"])


def _assign_team(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, team_id: str, assigned_at: datetime
) -> None:
    """The case's team; an assignment older than the one applied (events of two handlers may
    arrive out of order) is ignored."""
    with uow:
        if not uow.first_delivery(event):
            return
        household = uow.households.get(str(event.data["household_id"]), for_update=True)
        previous = household and household.team_assigned_at
        if household is not None and (previous is None or assigned_at > previous):
            household.team_id, household.team_assigned_at = team_id, assigned_at
            save_case(uow, household)
        uow.commit()
    log.info(
        "household.team_assigned",
        household_id=str(event.data["household_id"]),
        team_id=team_id,
        event_id=event.event_id,
    )


def training_completed(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    outcome = f"training completed: {event.data['occupation']}"

    def pick(items: list[Intervention]) -> Intervention | None:
        return next((i for i in items if i.kind is Kind.LIVELIHOOD_TRAINING and i.is_open), None)

    _progress(uow, event, pick, Status.DONE, outcome, settings, now)


def funding_granted(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    _funding_decided(uow, event, True, settings, now)


def funding_declined(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    _funding_decided(uow, event, False, settings, now)


def _funding_decided(
    uow: HouseholdsUnitOfWork,
    event: ReceivedEvent,
    granted: bool,
    settings: Settings,
    now: datetime,
) -> None:
    data = event.data
    status = Status.ACCEPTED if granted else Status.REJECTED
    outcome = f"savings group {data['group_id']}" if granted else data["reason"]
    wanted = str(data["intervention_id"])

    def pick(items: list[Intervention]) -> Intervention | None:
        return next((i for i in items if i.id == wanted), None)

    _progress(uow, event, pick, status, outcome, settings, now)


def loan_disbursed(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    data = event.data
    wanted = data["intervention_id"] and str(data["intervention_id"])

    def pick(items: list[Intervention]) -> Intervention | None:
        funding = [i for i in items if i.kind is Kind.FUNDING_ACCESS]
        return next((i for i in funding if i.id == wanted or (not wanted and i.is_open)), None)

    def record(item: Intervention | None) -> None:
        household_id = str(data["household_id"])
        uow.interventions.add_loan(data["loan_id"], household_id, item and item.id)
        if item is not None:
            item.loan_id = data["loan_id"]

    outcome = f"loan disbursed: {data['amount_thb']} THB"
    _progress(uow, event, pick, Status.IN_PROGRESS, outcome, settings, now, record)


def loan_repaid(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    _loan_ended(uow, event, settings, now, event.data["closed"], "loan repaid in full")


def loan_written_off(
    uow: HouseholdsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    """The group gave up on the loan: the funding intervention ends, its outcome says how."""
    _loan_ended(uow, event, settings, now, True, "loan written off")


def _loan_ended(
    uow: HouseholdsUnitOfWork,
    event: ReceivedEvent,
    settings: Settings,
    now: datetime,
    ended: bool,
    outcome: str,
) -> None:
    data = event.data
    with uow:
        loan = uow.interventions.loan(data["loan_id"])
        if data["household_id"] is not None and loan is None:
            household = uow.households.get(str(data["household_id"]))
            if household is not None:
                raise LoanNotYetKnown("news of a loan before its disbursement; retried later")
    if loan is None or loan.intervention_id is None or not ended:
        with uow:
            uow.first_delivery(event)
            uow.commit()
        return

    def pick(items: list[Intervention]) -> Intervention | None:
        return next((i for i in items if i.id == loan.intervention_id), None)

    _progress(uow, event, pick, Status.DONE, outcome, settings, now)


def _progress(
    uow: HouseholdsUnitOfWork,
    event: ReceivedEvent,
    pick: Callable[[list[Intervention]], Intervention | None],
    status: Status,
    outcome: str,
    settings: Settings,
    now: datetime,
    before: Callable[[Intervention | None], Any] | None = None,
) -> None:
    household_id = event.data["household_id"]
    with uow:
        if not uow.first_delivery(event):
            return
        household = household_id and uow.households.get(str(household_id), for_update=True)
        if household:
            item = pick(uow.interventions.of_household(household.id))
            if before is not None:
                before(item)
            if item is not None:
                _apply(uow, household, item, status, outcome, now)
                if maybe_graduate(uow, household, settings, "system", now):
                    save_case(uow, household)
        uow.commit()


def _apply(
    uow: HouseholdsUnitOfWork,
    household: Household,
    item: Intervention,
    status: Status,
    outcome: str,
    now: datetime,
) -> None:
    try:
        change(uow, household, item, status, outcome, now)
    except Conflict:  # reported after it closed here (e.g. rejected by the team): keep ours
        log.warning("intervention.late_report", intervention_id=item.id, status=status.value)
        uow.interventions.save(item)
