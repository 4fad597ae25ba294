"""The in-app inbox and each person's preferences."""

from __future__ import annotations

import base64
import secrets
from dataclasses import replace
from datetime import datetime
from typing import NamedTuple

from infra.caller import Caller
from infra.errors import FieldError, NotFound, ValidationFailed
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.directory import Person
from services.notifications.domain.notices import Notification
from services.notifications.domain.policy import reads_inbox_of
from services.notifications.usecases.commands import ChangePreferences, InboxQuery

log = get_logger(__name__)


class Inbox(NamedTuple):
    page: Page[Notification]
    unread: int  # in the whole inbox, not only on this page


def inbox(uow: NotificationsUnitOfWork, caller: Caller, query: InboxQuery) -> Inbox:
    recipient = query.recipient_id or caller.person_id
    if not reads_inbox_of(caller, recipient):
        raise NotFound("no such inbox")
    with uow:
        found = uow.notifications.inbox(recipient, query.unread_only, query.after, query.limit)
        return Inbox(found, uow.notifications.unread_count(recipient))


def unread_count(uow: NotificationsUnitOfWork, caller: Caller) -> int:
    with uow:
        return uow.notifications.unread_count(caller.person_id)


def mark_read(
    uow: NotificationsUnitOfWork, caller: Caller, notification_id: str, now: datetime
) -> Notification:
    """Idempotent: reading twice keeps the first time."""
    with uow:
        found = uow.notifications.get(notification_id)
        if found is None or found.recipient_id != caller.person_id:
            raise NotFound(f"notification {notification_id} not found")
        uow.notifications.mark_read(caller.person_id, now, notification_id)
        uow.commit()
        return uow.notifications.get(notification_id)  # type: ignore[return-value]


def mark_all_read(uow: NotificationsUnitOfWork, caller: Caller, now: datetime) -> int:
    with uow:
        marked = uow.notifications.mark_read(caller.person_id, now, None)
        uow.commit()
    return marked


def preferences(uow: NotificationsUnitOfWork, caller: Caller) -> Person:
    with uow:
        return _person(uow, caller)


def update_preferences(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    command: ChangePreferences,
    expected_version: int | None,
) -> tuple[Person, str | None]:
    """Change channels, quiet hours, language, digest, webhook; a new webhook URL gets a new
    signing secret, returned this once."""
    with uow:
        person = _person(uow, caller)
        require_version(person.version, expected_version, "set of preferences")
        changed, secret = _changed(person, command)
        uow.directory.save_person(changed)
        uow.commit()
    log.info("preferences.updated", person_id=person.person_id, fields=sorted(command.given()))
    return changed, secret


def _changed(person: Person, command: ChangePreferences) -> tuple[Person, str | None]:
    changes = command.given()
    quiet = changes.get("quiet_hours")
    if quiet and quiet.start == quiet.end:
        raise ValidationFailed(
            "quiet hours are empty", [FieldError("quiet_hours", "start and end must differ")]
        )
    secret = None
    url = changes.pop("webhook_url", person.webhook_url)
    if url != person.webhook_url:
        secret = _new_secret() if url else None
        changes.update(webhook_url=url, webhook_secret=secret)
    return replace(person, **changes, version=person.version + 1), secret


def _new_secret() -> str:
    """A Standard Webhooks signing secret: whsec_ and base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _person(uow: NotificationsUnitOfWork, caller: Caller) -> Person:
    person = uow.directory.person(caller.person_id)
    if person is None:
        raise NotFound("you are not in the notifications directory yet")
    return person
