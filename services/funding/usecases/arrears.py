"""Arrears: portfolio ageing per group and per network, and the daily job that announces
overdue loans once per loan, arrears episode and bucket (safe to run twice, or in two replicas).
"""

from __future__ import annotations

from datetime import date, datetime

from infra.caller import Caller, Role
from infra.logs import get_logger
from services.funding.db import FundingUnitOfWork
from services.funding.db.arrears import AnnouncedMeanwhile, OverdueLoan
from services.funding.domain.arrears import Portfolio, age
from services.funding.domain.group import Group, Network
from services.funding.domain.money import BANGKOK, bangkok_date
from services.funding.domain.policy import Reach, require_network
from services.funding.events import LOAN_OVERDUE
from services.funding.settings import Settings
from services.funding.usecases import announcements
from services.funding.usecases.common import group_within

log = get_logger(__name__)
JOB = "arrears"
ATTEMPTS_PER_BATCH = 3


def group_portfolio(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, as_of: date | None, now: datetime
) -> tuple[Group, Portfolio, date]:
    """The group's loans aged on `as_of` (today in Bangkok if not given), and that day."""
    day = as_of or bangkok_date(now)
    with uow:
        group = group_within(uow, caller, group_id, Reach.READ)
        positions = uow.portfolio.positions([group.id], day)
    return group, age(positions), day


def network_portfolio(
    uow: FundingUnitOfWork, caller: Caller, network_id: str, as_of: date | None, now: datetime
) -> tuple[Network, int, Portfolio, date]:
    """The network, its number of groups, their loans aged on `as_of`, and that day."""
    day = as_of or bangkok_date(now)
    with uow:
        network = require_network(
            caller, uow.networks.get(network_id), Reach.READ, f"network {network_id}"
        )
        group_ids = uow.groups.ids_in_network(network.id)
        positions = uow.portfolio.positions(group_ids, day) if group_ids else []
    return network, len(group_ids), age(positions), day


def run_arrears_job(
    uow: FundingUnitOfWork, caller: Caller, as_of: date | None, now: datetime, settings: Settings
) -> tuple[date, int]:
    """The day judged on and how many overdue loans were announced."""
    caller.require(Role.ADMINISTRATOR)
    day = as_of or bangkok_date(now)
    return day, announce_overdue(uow, day, now, settings)


def daily_tick(uow: FundingUnitOfWork, now: datetime, settings: Settings) -> int | None:
    """From the job's hour (Bangkok), once a day: announce overdue loans. None if not due.

    The day is marked done only after the run, so a run cut short is run again at the next
    tick; replicas ticking together both run, which is safe (notices are unique)."""
    local = now.astimezone(BANGKOK)
    if local.hour < settings.arrears_job_hour:
        return None
    with uow:
        if uow.job_runs.has_run(JOB, local.date()):
            return None
    announced = announce_overdue(uow, local.date(), now, settings)
    with uow:
        uow.job_runs.mark_done(JOB, local.date(), now)
        uow.commit()
    return announced


def announce_overdue(uow: FundingUnitOfWork, as_of: date, now: datetime, settings: Settings) -> int:
    """In batches of loans by id: each batch's notices and events commit together."""
    announced, after = 0, ""
    while True:
        count, last, full = _batch(uow, as_of, after, now, settings.arrears_batch_size)
        announced += count
        if not full:
            break
        after = last
    log.info("arrears.announced", as_of=as_of.isoformat(), announced=announced)
    return announced


def _batch(
    uow: FundingUnitOfWork, as_of: date, after: str, now: datetime, size: int
) -> tuple[int, str, bool]:
    for attempt in range(1, ATTEMPTS_PER_BATCH + 1):
        try:
            with uow:
                overdue = uow.portfolio.overdue(as_of, after, size)
                fresh = _not_yet_announced(uow, overdue)
                uow.portfolio.announce(fresh, as_of, now)
                for loan in fresh:
                    uow.emit(LOAN_OVERDUE, announcements.loan_overdue(loan, as_of))
                uow.commit()
            last = overdue[-1].loan_id if overdue else after
            return len(fresh), last, len(overdue) == size
        except AnnouncedMeanwhile:  # another run announced some of these first: look again
            if attempt == ATTEMPTS_PER_BATCH:
                raise
    raise AssertionError("unreachable")


def _not_yet_announced(uow: FundingUnitOfWork, overdue: list[OverdueLoan]) -> list[OverdueLoan]:
    keys = [(o.loan_id, o.episode, o.arrears.bucket) for o in overdue]
    done = uow.portfolio.announced(keys)
    return [o for o, k in zip(overdue, keys, strict=True) if k not in done]
