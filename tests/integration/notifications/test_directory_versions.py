"""A person's directory record changes from two sides (teams events; the person's own
preferences): a change saved from a version that is no longer stored is refused, never written
over the other."""

from dataclasses import replace

import pytest

from infra.caller import Caller
from infra.errors import PreconditionFailed
from services.notifications.settings import Settings
from services.notifications.usecases import inbox
from services.notifications.usecases.commands import ChangePreferences
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import caller
from tests.integration.notifications.test_timers import apply, unit_of_work


def test_a_change_from_a_version_no_longer_stored_is_refused(notif_config):
    uow, settings = unit_of_work(notif_config), Settings.from_config(notif_config)
    person_id = ev.new_id()
    apply(uow, ev.person(person_id, ["district_supervisor"], ["2401"]), settings)
    with uow:
        read_before = uow.directory.person(person_id)
    who = Caller.from_dict(caller(person_id, ["district_supervisor"], ["2401"]))
    inbox.update_preferences(uow, who, ChangePreferences(digest=True), None)

    with uow, pytest.raises(PreconditionFailed):
        stale = replace(read_before, language="en", version=read_before.version + 1)
        uow.directory.save_person(stale)

    with uow:
        stored = uow.directory.person(person_id)
    assert (stored.digest, stored.language, stored.version) == (True, "th", read_before.version + 1)
