"""Funding routes (the funding service): savings groups and networks, members' savings, loans,
collection sheets, portfolios and households' funding-access requests."""

from gateway.routes.funding.groups import GroupRoutes
from gateway.routes.funding.loans import LoanRoutes
from gateway.routes.funding.meetings import MeetingRoutes


class FundingRoutes(GroupRoutes, LoanRoutes, MeetingRoutes):
    """Every funding route, as one mixin for the gateway service."""
