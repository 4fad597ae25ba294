"""Notification routes (the notifications service), one module per subject."""

from gateway.routes.notifications.deliveries import DeliveryRoutes
from gateway.routes.notifications.escalations import EscalationRoutes
from gateway.routes.notifications.inbox import InboxRoutes

NOTIFICATION_ROUTES = (InboxRoutes, EscalationRoutes, DeliveryRoutes)
