"""The in-app inbox and each person's preferences."""

from __future__ import annotations

import base64
import secrets
from dataclasses import replace
from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import FieldError, NotFound, ValidationFailed
from infra.logs import get_logger
from infra.versions import require_version
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.directory import Person, QuietHours
from services.notifications.domain.notices import Notification
from services.notifications.domain.policy import reads_inbox_of

log = get_logger(__name__)


def inbox(uow: NotificationsUnitOfWork, caller: Caller, query: dict[str, Any]) -> dict[str, Any]:
    recipient = query.get("recipient_id") or caller.person_id
    if not reads_inbox_of(caller, recipient):
        raise NotFound("no such inbox")
    with uow:
        items, cursor = uow.notifications.inbox(
            recipient, query["unread_only"], query.get("after"), query["limit"]
        )
        unread = uow.notifications.unread_count(recipient)
    return {"items": items, "next": cursor, "unread": unread}


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
    command: dict[str, Any],
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
    log.info("preferences.updated", person_id=person.person_id, fields=sorted(command))
    return changed, secret


def _changed(person: Person, command: dict[str, Any]) -> tuple[Person, str | None]:
    changes = {k: command[k] for k in ("channels", "language", "digest") if k in command}
    if "channels" in changes and changes["channels"] is not None:
        changes["channels"] = tuple(changes["channels"])
    if "quiet_hours" in command:
        quiet = command["quiet_hours"]
        changes["quiet_hours"] = QuietHours(quiet["start"], quiet["end"]) if quiet else None
    secret = None
    if "webhook_url" in command and command["webhook_url"] != person.webhook_url:
        url = command["webhook_url"]
        secret = _new_secret() if url else None
        changes.update(webhook_url=url, webhook_secret=secret)
    if changes.get("quiet_hours") and changes["quiet_hours"].start == changes["quiet_hours"].end:
        raise ValidationFailed(
            "quiet hours are empty", [FieldError("quiet_hours", "start and end must differ")]
        )
    return replace(person, **changes, version=person.version + 1), secret


def _new_secret() -> str:
    """A Standard Webhooks signing secret: whsec_ and base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _person(uow: NotificationsUnitOfWork, caller: Caller) -> Person:
    person = uow.directory.person(caller.person_id)
    if person is None:
        raise NotFound("you are not in the notifications directory yet")
    return person
