"""Notifications service: inboxes, escalations and deliveries, as nameko entrypoints (in
`entrypoints/`, by subject)."""

from __future__ import annotations

from infra.database import Database
from infra.service import DomainService
from infra.settings import SettingsOf
from services.notifications.db import NotificationsUnitOfWork, metadata
from services.notifications.db.escalations import OPEN_BY_LEVEL
from services.notifications.entrypoints.audit import AuditEntrypoints
from services.notifications.entrypoints.deliveries import DeliveryEntrypoints
from services.notifications.entrypoints.digest import DigestEntrypoints
from services.notifications.entrypoints.escalations import EscalationEntrypoints
from services.notifications.entrypoints.events import EventEntrypoints
from services.notifications.entrypoints.inbox import InboxEntrypoints
from services.notifications.entrypoints.ladder import LadderEntrypoints
from services.notifications.entrypoints.reports import ReportEntrypoints
from services.notifications.entrypoints.subscribers import SubscriberEntrypoints
from services.notifications.settings import Settings
from services.notifications.subscriptions.event_log import event_log_entrypoints

EventLogEntrypoints = event_log_entrypoints()


class NotificationsService(
    InboxEntrypoints,
    EscalationEntrypoints,
    DeliveryEntrypoints,
    LadderEntrypoints,
    DigestEntrypoints,
    ReportEntrypoints,
    SubscriberEntrypoints,
    EventEntrypoints,
    EventLogEntrypoints,
    AuditEntrypoints,
    DomainService,
):
    name = "notifications"
    uow = Database(metadata, NotificationsUnitOfWork, gauges=(OPEN_BY_LEVEL,))
    settings = SettingsOf(Settings)
