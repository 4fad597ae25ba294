"""The gateway service: every route module, sharing RPC clients, the caller and the correlation
id.
"""

from nameko.dependency_providers import Config
from nameko.timer import timer

from gateway.auth.login import Login
from gateway.idempotency import IdempotencyKeys
from gateway.revocations import RevocationList
from gateway.routes.areas import AreaRoutes
from gateway.routes.audit import AuditRoutes
from gateway.routes.auth import AuthRoutes
from gateway.routes.docs import DocsRoutes
from gateway.routes.funding import FundingRoutes
from gateway.routes.health import HealthRoutes
from gateway.routes.households import HOUSEHOLD_ROUTES
from gateway.routes.me import MeRoutes
from gateway.routes.notifications import NOTIFICATION_ROUTES
from gateway.routes.people import PeopleRoutes
from gateway.routes.reports import ReportRoutes
from gateway.routes.sessions import SessionRoutes
from gateway.routes.teams import TEAMS_ROUTES
from gateway.subscriptions import AccessEvents
from infra.correlation import CorrelationId
from infra.rpc import RpcClients
from infra.tracing import Tracing


class GatewayService(
    HealthRoutes,
    DocsRoutes,
    AuthRoutes,
    SessionRoutes,
    PeopleRoutes,
    MeRoutes,
    *TEAMS_ROUTES,
    *HOUSEHOLD_ROUTES,
    FundingRoutes,
    *NOTIFICATION_ROUTES,
    AreaRoutes,
    ReportRoutes,
    AuditRoutes,
    AccessEvents,
):
    name = "gateway"
    config = Config()
    correlation = CorrelationId()
    tracing = Tracing()
    rpc = RpcClients()
    login = Login()
    idempotency = IdempotencyKeys()
    revocations = RevocationList()

    @timer(interval=3600)
    def purge_idempotency_keys(self) -> None:
        """Forget remembered answers older than IDEMPOTENCY_HOURS."""
        self.idempotency.purge()
