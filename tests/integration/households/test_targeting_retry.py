"""Targeting a tambon while one of its households changes: the batch is judged again."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from infra.caller import Caller
from infra.commands import command_of
from infra.errors import PreconditionFailed
from infra.validation import load
from services.households import usecases
from services.households.db import HouseholdsUnitOfWork, metadata
from services.households.db.tables import households
from services.households.schemas.registry import RegisterHousehold
from services.households.settings import Settings
from services.households.usecases import commands, targeting
from services.households.usecases.commands import TargetHouseholds
from tests.integration.households.support import COORDINATOR, household, rows

TARGETING = TargetHouseholds("240101", 2026)


class ChangedMeanwhile(HouseholdsUnitOfWork):
    """Before each of its first `times` case writes, the household's version moves on, as when an
    assignment's event lands between targeting's read and its write."""

    times = 0

    def open_repositories(self) -> None:
        super().open_repositories()
        save, session = self.households.save, self.session

        def save_after_a_change(household):
            if ChangedMeanwhile.times > 0:
                ChangedMeanwhile.times -= 1
                bump = households.c.version + 1
                session.execute(
                    update(households).where(households.c.id == household.id).values(version=bump)
                )
            save(household)

        self.households.save = save_after_a_change


@pytest.fixture
def changing_uow(uow):
    return ChangedMeanwhile(uow._sessions, metadata, source="households", consumer="t")


def register(uow, seeds):
    caller, now = Caller.from_dict(COORDINATOR), datetime.now(UTC)
    return [usecases.register_household(uow, caller, _command(s), now)["id"] for s in seeds]


def _command(seed):
    loaded = load(RegisterHousehold, household(seed, income="30000.00"))
    return command_of(commands.RegisterHousehold, loaded)


def target(uow):
    caller, now = Caller.from_dict(COORDINATOR), datetime.now(UTC)
    return targeting.target_households(uow, caller, TARGETING, Settings(), now)


def targeted_events(config):
    events = [json.loads(r.payload) for r in rows(config, metadata.tables["outbox"])]
    return sorted(
        e["data"]["household_id"] for e in events if e["event_type"] == "household_targeted"
    )


def test_a_household_changed_meanwhile_is_judged_again_and_targeted_once(migrated, changing_uow):
    ids = register(changing_uow, range(1, 4))
    ChangedMeanwhile.times = 2
    assert target(changing_uow) == {"assessed": 3, "targeted": 3, "survey_year": 2026}
    assert targeted_events(migrated) == sorted(ids)
    assert {r.stage for r in rows(migrated, households)} == {"target"}


def test_a_household_that_never_settles_refuses_the_batch_with_412(migrated, changing_uow):
    register(changing_uow, range(1, 3))
    ChangedMeanwhile.times = targeting.ATTEMPTS
    with pytest.raises(PreconditionFailed):
        target(changing_uow)
    assert targeted_events(migrated) == []
    assert {r.stage for r in rows(migrated, households)} == {"registered"}
