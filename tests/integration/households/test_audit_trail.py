"""The audit trail on the migrated database (SQLite and PostgreSQL): an entry is written in the
transaction of its change, a refused change writes none, and the reads page newest first."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infra.caller import Caller
from infra.commands import command_of
from infra.errors import Conflict, PreconditionFailed
from infra.validation import load
from services.households.schemas.registry import RegisterHousehold as RegisterHouseholdSchema
from services.households.usecases import history, registry
from services.households.usecases.commands import RegisterHousehold, UpdateHousehold
from services.households.usecases.history import AuditSearch
from tests.integration.households.support import ADMIN, COORDINATOR, household

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
WHO, ADMINISTRATOR = Caller.from_dict(COORDINATOR), Caller.from_dict(ADMIN)


def register(uow, seed: int, now: datetime = NOW) -> str:
    command = command_of(RegisterHousehold, _loaded(household(seed)))
    return str(registry.register_household(uow, WHO, command, now)["id"])


def _loaded(payload: dict) -> dict:
    return load(RegisterHouseholdSchema, payload)


def correct(uow, household_id: str, version: int, size: int) -> None:
    command = command_of(UpdateHousehold, {"size": size, "reason": "recount"})
    registry.update_household(uow, WHO, household_id, command, version, NOW + timedelta(hours=1))


def test_a_registration_and_a_correction_are_read_back_newest_first(uow):
    household_id = register(uow, 701)
    correct(uow, household_id, 1, 4)

    found = history.household_history(uow, WHO, household_id, None, 50)

    assert [e.action for e in found.items] == ["corrected", "registered"]
    assert found.items[0].changes == {"size": [3, 4]}
    assert found.items[1].changes["annual_income_thb"] == [None, "60000.00"]
    assert found.items[0].actor_id == WHO.person_id and found.next is None
    first = history.household_history(uow, WHO, household_id, None, 1)
    rest = history.household_history(uow, WHO, household_id, first.next, 1)
    assert [e.action for e in first.items + rest.items] == ["corrected", "registered"]


def test_a_change_that_fails_writes_no_entry(uow):
    household_id = register(uow, 702)
    with pytest.raises(PreconditionFailed):
        correct(uow, household_id, 7, 4)
    with pytest.raises(Conflict):
        register(uow, 702)  # the same members again: refused, and no second entry

    found = history.household_history(uow, WHO, household_id, None, 50)
    assert [e.action for e in found.items] == ["registered"]
    period = AuditSearch("24", date(2026, 11, 1), date(2026, 11, 30), limit=200)
    assert len(history.search_audit(uow, ADMINISTRATOR, period, NOW.date()).items) == 1


def test_the_search_keeps_to_the_area_and_the_period(uow):
    register(uow, 703)
    register(uow, 704, NOW + timedelta(days=40))

    november = AuditSearch("240101", date(2026, 11, 1), date(2026, 11, 30))
    elsewhere = AuditSearch("2402", date(2026, 11, 1), date(2026, 11, 30))

    assert [e.at for e in history.search_audit(uow, ADMINISTRATOR, november, NOW.date()).items] == [
        NOW
    ]
    assert history.search_audit(uow, ADMINISTRATOR, elsewhere, NOW.date()).items == []
