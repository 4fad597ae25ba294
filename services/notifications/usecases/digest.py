"""The daily digest: once a day, one summary for each person who prefers it. Idempotent: the
(person, day) row is claimed in the same transaction that files the digest."""

from __future__ import annotations

from datetime import datetime

from infra.logs import get_logger
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.digest import DigestWindow, digest_lines, due_window
from services.notifications.domain.notices import Notification
from services.notifications.domain.templates import render
from services.notifications.settings import Settings
from services.notifications.usecases.announce import Message, file_for

log = get_logger(__name__)
MORE = {"th": "และอีก {count} เรื่อง", "en": "and {count} more"}


def send_digests(uow: NotificationsUnitOfWork, now: datetime, settings: Settings) -> int:
    window = due_window(now, settings.digest_hour, settings.zone)
    if window is None:
        return 0
    with uow:
        readers = uow.directory.reading_digests()
    return sum(_digest_for(uow, person_id, window, now, settings) for person_id in readers)


def _digest_for(
    uow: NotificationsUnitOfWork,
    person_id: str,
    window: DigestWindow,
    now: datetime,
    settings: Settings,
) -> bool:
    with uow:
        if not uow.claim_digest(person_id, window.day, now):
            return False  # another replica, or an earlier tick, did it
        person = uow.directory.person(person_id)
        items = uow.notifications.filed_between(person_id, window.start, window.end)
        if person is not None and items:
            file_for(uow, [person], _message(person_id, window, items), now, settings)
        uow.commit()
    log.info("digest.sent", person_id=person_id, day=window.day.isoformat(), items=len(items))
    return bool(items)


def _message(person_id: str, window: DigestWindow, items: list[Notification]) -> Message:
    def texts(language: str) -> tuple[str, str]:
        lines = digest_lines([n.title for n in items], MORE.get(language, MORE["th"]))
        return render("digest", language, {"day": window.day, "count": len(items), "lines": lines})

    return Message("digest", person_id, "", f"digest:{window.day.isoformat()}", texts, urgent=True)
