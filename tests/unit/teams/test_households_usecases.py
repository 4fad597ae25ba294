"""The households read model's use cases with the fake unit of work: what the households service
announces becomes known here once per event, whatever is delivered twice. No database, no broker."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from infra.envelope import ReceivedEvent
from services.teams.domain.households import KnownHousehold
from services.teams.usecases import households
from tests.unit.teams.factories import NOW, VILLAGE
from tests.unit.teams.fakes import FakeUnitOfWork

H1, H2 = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"


def event(event_id: str, event_type: str, **data: Any) -> ReceivedEvent:
    body = {"household_id": H1, "village_code": VILLAGE, **data}
    return ReceivedEvent(event_id, event_type, 1, NOW, "households", None, body)


def staged(event_id: str, stage: str, hours: int) -> ReceivedEvent:
    at = NOW + timedelta(hours=hours)
    return event(event_id, "case_stage_changed", to_stage=stage, changed_at=at)


def test_the_first_event_of_a_household_makes_it_known() -> None:
    uow = FakeUnitOfWork()
    households.learn(uow, staged("e1", "compass", 1))

    known = uow.households.rows[H1]
    assert (known.village_code, known.stage, known.stage_at) == (
        VILLAGE,
        "compass",
        NOW + timedelta(hours=1),
    )
    assert uow.delivered == {"e1"}


def test_an_event_delivered_again_changes_nothing_even_if_it_would() -> None:
    uow = FakeUnitOfWork()
    households.learn(uow, staged("e1", "compass", 1))

    households.learn(uow, staged("e1", "care", 2))  # the same event id: a redelivery

    assert uow.households.rows[H1].stage == "compass" and uow.commits == 1
    households.learn(uow, staged("e2", "care", 2))
    assert uow.households.rows[H1].stage == "care" and uow.delivered == {"e1", "e2"}


def test_a_later_event_arriving_first_is_not_undone_by_an_earlier_one() -> None:
    uow = FakeUnitOfWork()
    households.learn(uow, staged("e2", "care", 2))
    households.learn(uow, staged("e1", "compass", 1))

    assert uow.households.rows[H1].stage == "care" and uow.delivered == {"e1", "e2"}


def test_an_import_makes_only_the_households_not_known_yet_known() -> None:
    uow = FakeUnitOfWork().given(KnownHousehold(H1, VILLAGE, stage="care"))
    listed = [{"household_id": h, "village_code": VILLAGE} for h in (H1, H2)]

    households.learn_imported(uow, event("batch-1", "households_imported", households=listed))
    households.learn_imported(uow, event("batch-1", "households_imported", households=listed))

    assert {h: k.stage for h, k in uow.households.rows.items()} == {H1: "care", H2: "registered"}
    assert uow.commits == 1
