"""Filing a message in people's inboxes and queueing its deliveries, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.directory import Person
from services.notifications.domain.notices import Notification, deliveries_for
from services.notifications.domain.rules import AreaRole, Team
from services.notifications.settings import Settings


@dataclass(frozen=True)
class Message:
    kind: str
    subject_id: str
    area_code: str
    dedupe_key: str  # the event (or escalation step) this message reports
    texts: Callable[[str], tuple[str, str]]  # language -> (title, body)
    escalation_id: str | None = None
    urgent: bool = False  # escalations and digests: sent even to people who read a digest
    inbox_only: bool = False


def file_for(
    uow: NotificationsUnitOfWork,
    people: list[Person],
    message: Message,
    now: datetime,
    settings: Settings,
) -> list[str]:
    """Notify each active person once; the ids of those newly notified."""
    notified = []
    for person in people:
        if not person.active:
            continue
        title, body = message.texts(person.language)
        notification = Notification(
            person.person_id,
            message.kind,
            message.subject_id,
            message.area_code,
            title,
            body,
            message.dedupe_key,
            now,
            message.escalation_id,
        )
        if not uow.notifications.add(notification):
            continue
        notified.append(person.person_id)
        if not message.inbox_only:
            for delivery in deliveries_for(
                notification,
                person,
                now,
                settings.zone,
                urgent=message.urgent,
                enabled=settings.enabled_channels,
            ):
                uow.deliveries.add(delivery)
    return notified


def audience(uow: NotificationsUnitOfWork, who: Team | AreaRole) -> list[Person]:
    if isinstance(who, AreaRole):
        return uow.directory.holding_role_over(who.role, who.area_code)
    team_id = who.team_id or (
        who.household_id and uow.directory.team_of_household(who.household_id)
    )
    team = uow.directory.team(team_id) if team_id else None
    return uow.directory.people(team.member_ids()) if team else []
