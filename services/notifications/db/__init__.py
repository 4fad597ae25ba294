"""Notifications database: tables, repositories and the unit of work."""

from __future__ import annotations

from infra.audit import AuditTrail
from infra.statements import insert_ignoring_duplicates
from infra.unit_of_work import UnitOfWork
from services.notifications.db.directory import DirectoryRepository
from services.notifications.db.escalations import EscalationRepository
from services.notifications.db.notices import DeliveryRepository, NotificationRepository
from services.notifications.db.reports import EscalationReportQueries
from services.notifications.db.subscribers import EventLogRepository, SubscriptionRepository
from services.notifications.db.tables import audit_entries, digests, metadata

__all__ = ["NotificationsUnitOfWork", "metadata"]


class NotificationsUnitOfWork(UnitOfWork):
    directory: DirectoryRepository
    notifications: NotificationRepository
    deliveries: DeliveryRepository
    escalations: EscalationRepository
    reports: EscalationReportQueries
    subscriptions: SubscriptionRepository
    event_log: EventLogRepository
    audit: AuditTrail

    def open_repositories(self) -> None:
        self.directory = DirectoryRepository(self.session)
        self.notifications = NotificationRepository(self.session)
        self.deliveries = DeliveryRepository(self.session)
        self.escalations = EscalationRepository(self.session)
        self.reports = EscalationReportQueries(self.session)
        self.subscriptions = SubscriptionRepository(self.session)
        self.event_log = EventLogRepository(self.session)
        self.audit = AuditTrail(self.session, audit_entries, self._correlation_id)

    def claim_digest(self, person_id: str, day: object, now: object) -> bool:
        """True for the one replica (and the one tick) that writes this person's digest today."""
        statement = insert_ignoring_duplicates(self.session, digests)
        values = {"person_id": person_id, "day": day, "created_at": now}
        return self.session.execute(statement.values(values)).rowcount == 1
