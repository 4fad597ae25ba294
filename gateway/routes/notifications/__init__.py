"""Notification routes (the notifications service), one module per subject."""

from gateway.routes.notifications.deliveries import DeliveryRoutes
from gateway.routes.notifications.escalations import EscalationRoutes
from gateway.routes.notifications.events import EventRoutes
from gateway.routes.notifications.history import EscalationHistoryRoutes
from gateway.routes.notifications.inbox import InboxRoutes
from gateway.routes.notifications.subscriptions import SubscriptionRoutes

NOTIFICATION_ROUTES = (
    InboxRoutes,
    EscalationRoutes,
    DeliveryRoutes,
    SubscriptionRoutes,
    EventRoutes,
    EscalationHistoryRoutes,
)
