"""Consumed events: the rules decide who hears what; escalations open and close. Quick and local:
deliveries are only queued here, in the same transaction as the inbox mark."""

from __future__ import annotations

from datetime import datetime

from infra.envelope import ReceivedEvent
from infra.logs import get_logger
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.directory import Person
from services.notifications.domain.rules import (
    Action,
    Close,
    Notify,
    Open,
    Summarise,
    actions_for,
    shared_area,
    summed,
)
from services.notifications.domain.templates import render
from services.notifications.settings import Settings
from services.notifications.usecases import ladder
from services.notifications.usecases.announce import Message, audience, file_for

log = get_logger(__name__)


def apply_event(
    uow: NotificationsUnitOfWork, event: ReceivedEvent, now: datetime, settings: Settings
) -> None:
    with uow:
        if not uow.first_delivery(event):
            return
        _remember_team(uow, event)
        for action in actions_for(event.event_type, event.data):
            _apply(uow, action, event, now, settings)
        uow.commit()
    log.info("event.applied", event_id=event.event_id, event_type=event.event_type)


def _apply(
    uow: NotificationsUnitOfWork,
    action: Action,
    event: ReceivedEvent,
    now: datetime,
    settings: Settings,
) -> None:
    if isinstance(action, Open):
        ladder.open_or_raise(uow, action, now, settings)
    elif isinstance(action, Close):
        ladder.close(uow, action.kind, action.subject_id, event.event_type, now, settings)
    elif isinstance(action, Summarise):
        _summarise(uow, action, event, now, settings)
    else:
        _notify(uow, action, event, now, settings)


def _notify(
    uow: NotificationsUnitOfWork,
    action: Notify,
    event: ReceivedEvent,
    now: datetime,
    settings: Settings,
) -> None:
    message = Message(
        action.kind,
        action.subject_id,
        action.area_code,
        f"{event.event_id}:{action.kind}",
        lambda language: render(action.kind, language, action.params),
    )
    people = audience(uow, action.audience)
    notified = file_for(uow, people, message, now, settings)
    log.info("notification.filed", kind=action.kind, event_id=event.event_id, recipients=notified)


def _summarise(
    uow: NotificationsUnitOfWork,
    action: Summarise,
    event: ReceivedEvent,
    now: datetime,
    settings: Settings,
) -> None:
    """Each reader once, with the parts they cover added up."""
    readers: dict[str, tuple[Person, list[tuple[str, dict[str, int]]]]] = {}
    for area, counts in action.parts:
        for person in uow.directory.holding_role_over(action.role, area):
            readers.setdefault(person.person_id, (person, []))[1].append((area, counts))
    for person, parts in readers.values():
        params = {**action.params, **summed(parts)}
        message = Message(
            action.kind,
            action.subject_id,
            shared_area([area for area, _ in parts]),
            f"{event.event_id}:{action.kind}",
            lambda language, params=params: render(action.kind, language, params),
        )
        file_for(uow, [person], message, now, settings)
    log.info(
        "notification.filed", kind=action.kind, event_id=event.event_id, recipients=len(readers)
    )


def _remember_team(uow: NotificationsUnitOfWork, event: ReceivedEvent) -> None:
    """Which team follows a household: from assignments, and from any event that names both."""
    data = event.data
    team_id = data.get("to_team_id") or data.get("team_id")
    if data.get("household_id") and team_id:
        uow.directory.assign_household(str(data["household_id"]), str(team_id))
