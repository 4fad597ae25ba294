"""Funding routes (the funding service), one module per subject, named as the service's own
layers are: networks, groups, members, loans, repayments (and collection sheets), arrears
(portfolios and the arrears run) and access (households' funding requests)."""

from gateway.routes.funding.access import AccessRoutes
from gateway.routes.funding.arrears import ArrearsRoutes
from gateway.routes.funding.groups import GroupRoutes
from gateway.routes.funding.history import FundingHistoryRoutes
from gateway.routes.funding.loans import LoanRoutes
from gateway.routes.funding.members import MemberRoutes
from gateway.routes.funding.networks import NetworkRoutes
from gateway.routes.funding.repayments import RepaymentRoutes


class FundingRoutes(
    NetworkRoutes,
    GroupRoutes,
    MemberRoutes,
    LoanRoutes,
    RepaymentRoutes,
    ArrearsRoutes,
    AccessRoutes,
    FundingHistoryRoutes,
):
    """Every funding route, as one mixin for the gateway service."""
