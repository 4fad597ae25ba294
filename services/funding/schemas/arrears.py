"""Arrears: the day a portfolio or an arrears run is drawn up for, and a portfolio as answered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from marshmallow import Schema

from infra.dates import REPORTED, RUN
from infra.fields import Day
from services.funding.schemas.common import iso, thb
from services.funding.vocabulary import BUCKETS, PAR_THRESHOLDS

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.arrears import Portfolio
    from services.funding.domain.group import Group, Network


class AsOf(Schema):
    """The day a report is drawn up for."""

    as_of = Day(REPORTED, load_default=None, allow_none=True)


class RunAsOf(Schema):
    """The day an arrears run judges loans on: near today, as it announces arrears now."""

    as_of = Day(RUN, load_default=None, allow_none=True)


def portfolio_out(portfolio: Portfolio, as_of: date) -> dict[str, Any]:
    return {
        "as_of": iso(as_of),
        "loans": portfolio.loans,
        "outstanding_thb": thb(portfolio.outstanding),
        "ageing": {
            name: {
                "loans": portfolio.buckets[name].loans,
                "outstanding_thb": thb(portfolio.buckets[name].outstanding),
                "arrears_thb": thb(portfolio.buckets[name].arrears),
            }
            for name in BUCKETS
        },
        "portfolio_at_risk_percent": {
            name: thb(portfolio.par_percent(name)) for name in PAR_THRESHOLDS
        },
    }


def group_portfolio_out(group: Group, portfolio: Portfolio, as_of: date) -> dict[str, Any]:
    return {"group_id": group.id, **portfolio_out(portfolio, as_of)}


def network_portfolio_out(
    network: Network, groups: int, portfolio: Portfolio, as_of: date
) -> dict[str, Any]:
    return {"network_id": network.id, "groups": groups, **portfolio_out(portfolio, as_of)}


def arrears_run_out(as_of: date, announced: int) -> dict[str, Any]:
    return {"as_of": as_of.isoformat(), "announced": announced}
