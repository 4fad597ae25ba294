"""The inbox and preferences use cases with the fake unit of work: one lists and marks only one's
own notifications, and a change of preferences over a stale version is refused. No database."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest

from infra.caller import Role
from infra.commands import command_of
from infra.errors import NotFound, PreconditionFailed, ValidationFailed
from services.notifications.domain.directory import QuietHours
from services.notifications.domain.notices import Notification
from services.notifications.usecases import inbox
from services.notifications.usecases.commands import ChangePreferences, InboxQuery
from tests.unit.notifications.factories import T0, caller, person
from tests.unit.notifications.fakes import FakeUnitOfWork

ME, OTHER = caller("me", Role.DISTRICT_EXPERT), caller("other", Role.DISTRICT_EXPERT)
ADMIN = caller("admin", Role.ADMINISTRATOR)


def note(nid: str, recipient: str, minutes: int, **more: Any) -> Notification:
    at = T0 + timedelta(minutes=minutes)
    return Notification(recipient, "household_registered", "h", "24010101", nid, "b", nid, at,
                        id=nid, **more)  # fmt: skip


def world() -> FakeUnitOfWork:
    return FakeUnitOfWork().given(
        person("me", "district_expert", version=4),
        note("old", "me", 1),
        note("new", "me", 2),
        note("seen", "me", 0, read_at=T0),
        note("theirs", "other", 3),
    )


def listed(uow: FakeUnitOfWork, who: Any = ME, **query: Any) -> inbox.Inbox:
    return inbox.inbox(uow, who, InboxQuery(**query))


def test_the_inbox_lists_only_ones_own_notifications_newest_first() -> None:
    found = listed(world())

    assert [n.id for n in found.page.items] == ["new", "old", "seen"]
    assert (found.unread, found.page.next) == (2, None)


def test_the_inbox_of_someone_else_is_not_found_but_an_administrator_may_read_it() -> None:
    uow = world()
    with pytest.raises(NotFound):
        listed(uow, OTHER, recipient_id="me")

    assert [n.id for n in listed(uow, ADMIN, recipient_id="other").page.items] == ["theirs"]


def test_unread_only_and_pages_follow_the_cursor() -> None:
    uow = world()
    first = listed(uow, unread_only=True, limit=1).page
    second = listed(uow, unread_only=True, limit=1, after=first.next)

    assert [n.id for n in first.items + second.page.items] == ["new", "old"]
    assert second.page.next is None and second.unread == 2


def test_marking_read_keeps_the_first_time_and_lowers_the_unread_count() -> None:
    uow = world()
    read = inbox.mark_read(uow, ME, "old", T0 + timedelta(hours=1))
    again = inbox.mark_read(uow, ME, "old", T0 + timedelta(hours=2))

    assert read.read_at == again.read_at == T0 + timedelta(hours=1)
    assert inbox.unread_count(uow, ME) == 1


def test_someone_elses_notification_cannot_be_marked_read() -> None:
    uow = world()
    with pytest.raises(NotFound):
        inbox.mark_read(uow, ME, "theirs", T0)

    assert uow.notifications.rows["theirs"].read_at is None


def test_marking_all_read_touches_only_ones_own() -> None:
    uow = world()

    assert inbox.mark_all_read(uow, ME, T0 + timedelta(hours=1)) == 2
    assert inbox.unread_count(uow, ME) == 0 and inbox.unread_count(uow, OTHER) == 1


def test_preferences_are_changed_and_the_version_bumped() -> None:
    uow = world()
    change = ChangePreferences(("email",), QuietHours(time(22), time(6)), digest=True)
    changed, secret = inbox.update_preferences(uow, ME, change, 4)

    stored = uow.directory.persons.rows["me"]
    assert stored == changed and secret is None
    assert (stored.digest, stored.channels, stored.version) == (True, ("email",), 5)
    assert stored.quiet_hours is not None and stored.quiet_hours.contains(time(23))


def test_preferences_changed_over_a_stale_version_are_refused_and_nothing_is_kept() -> None:
    uow = world()
    with pytest.raises(PreconditionFailed) as refused:
        inbox.update_preferences(uow, ME, ChangePreferences(digest=True), 3)

    assert refused.value.extra["current_version"] == 4
    assert uow.directory.persons.rows["me"].digest is False and uow.commits == 0


def test_a_new_webhook_url_gets_a_new_signing_secret_returned_once() -> None:
    uow = world()
    hook = ChangePreferences(webhook_url="https://hook.test/a")
    _, secret = inbox.update_preferences(uow, ME, hook, None)
    _, unchanged = inbox.update_preferences(uow, ME, hook, None)

    assert secret and secret.startswith("whsec_") and unchanged is None
    assert uow.directory.persons.rows["me"].webhook_secret == secret


def test_empty_quiet_hours_and_someone_unknown_are_refused() -> None:
    uow = world()
    with pytest.raises(ValidationFailed):
        empty = ChangePreferences(quiet_hours=QuietHours(time(6), time(6)))
        inbox.update_preferences(uow, ME, empty, 4)
    with pytest.raises(NotFound):
        inbox.update_preferences(uow, OTHER, ChangePreferences(digest=True), None)
    assert uow.commits == 0


def test_only_the_preferences_the_payload_names_change_and_none_clears_one() -> None:
    uow = world()
    first = ChangePreferences(("line",), QuietHours(time(22), time(6)), "en")
    inbox.update_preferences(uow, ME, first, 4)
    loaded = {"quiet_hours": None, "digest": True}  # as the entrypoint's schema loads it
    changed, _ = inbox.update_preferences(uow, ME, command_of(ChangePreferences, loaded), 5)

    assert (changed.channels, changed.language, changed.quiet_hours) == (("line",), "en", None)
    assert (changed.digest, changed.version) == (True, 6)
