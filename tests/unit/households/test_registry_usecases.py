"""Registering and correcting households with the fake unit of work: the event announced, national
IDs already taken, resends by client key, who may do it, stale versions. No database, no broker."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from infra.caller import Caller
from infra.client_requests import UNKNOWN_FINGERPRINT
from infra.commands import command_of
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.households.usecases import registry
from services.households.usecases.commands import RegisterHousehold, UpdateHousehold
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    EXPERT,
    LATER,
    NOW,
    SUPERVISOR,
    VILLAGE,
    case,
    national_id,
    registration,
)
from tests.unit.households.fakes import FakeUnitOfWork

KEY = "9b2f6c1e-6f3a-4e8b"


def register(uow: FakeUnitOfWork, who: Caller, loaded: dict[str, Any], now: datetime) -> Any:
    """Register what the `RegisterHousehold` schema loaded, as the entrypoint does."""
    return registry.register_household(uow, who, command_of(RegisterHousehold, loaded), now)


def correction(**loaded: Any) -> UpdateHousehold:
    return command_of(UpdateHousehold, {"reason": "the survey was misread", **loaded})


def test_a_registered_household_is_stored_with_its_survey_and_announced() -> None:
    uow = FakeUnitOfWork()
    answer = register(uow, COORDINATOR, registration(1), NOW)

    stored = uow.households.cases.rows[answer["id"]]
    assert answer == {"id": stored.id, "version": 1} and stored.stage is Stage.REGISTERED
    assert [m.national_id for m in stored.members] == [national_id(1), national_id(50_001)]
    assert stored.latest_survey_year == 2026
    survey = uow.visits.surveys.rows[(stored.id, 2026)]
    assert survey["failed_indicators"] == "12,7" and survey["failed_count"] == 2
    assert uow.published == [
        (
            "household_registered",
            {
                "household_id": stored.id,
                "village_code": VILLAGE,
                "member_count": 3,
                "registered_at": NOW.isoformat(),
            },
        )
    ]


def test_a_national_id_in_another_active_household_is_refused_and_nothing_is_kept() -> None:
    uow = FakeUnitOfWork()
    register(uow, COORDINATOR, registration(1), NOW)
    again = registration(2, members=[registration(2)["members"][0], registration(1)["members"][1]])

    with pytest.raises(Conflict) as refused:
        register(uow, COORDINATOR, again, LATER)
    assert [e.field for e in refused.value.errors] == ["members.1.national_id"]
    assert national_id(1) not in refused.value.detail
    assert len(uow.households.cases.rows) == 1 and uow.kinds() == ["household_registered"]


def test_a_member_of_a_household_that_moved_away_may_be_registered_again() -> None:
    uow = FakeUnitOfWork().given(case(Stage.MOVED, seed=1))
    answer = register(uow, COORDINATOR, registration(1), NOW)
    assert answer["id"] in uow.households.cases.rows


def test_a_resend_with_the_same_client_key_gets_the_first_answer_and_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    first = register(uow, COORDINATOR, registration(1, client_key=KEY), NOW)
    again = register(uow, COORDINATOR, registration(1, client_key=KEY), LATER)

    assert again == first
    assert list(uow.households.cases.rows) == [first["id"]] and uow.commits == 1
    assert uow.kinds() == ["household_registered"]


def test_the_same_client_key_with_another_request_is_refused() -> None:
    uow = FakeUnitOfWork()
    register(uow, COORDINATOR, registration(1, client_key=KEY), NOW)

    with pytest.raises(Conflict) as refused:
        register(uow, COORDINATOR, registration(2, client_key=KEY), LATER)
    assert [e.field for e in refused.value.errors] == ["client_key"]
    assert len(uow.households.cases.rows) == 1 and uow.commits == 1


def test_another_persons_key_is_not_this_ones_so_the_members_are_taken() -> None:
    uow = FakeUnitOfWork()
    register(uow, COORDINATOR, registration(1, client_key=KEY), NOW)
    with pytest.raises(Conflict):
        register(uow, EXPERT, registration(1, client_key=KEY), LATER)


@pytest.mark.parametrize("who", [ELSEWHERE, SUPERVISOR], ids=["outside", "not a registrar"])
def test_only_a_registrar_covering_the_village_may_register_there(who) -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(Forbidden):
        register(uow, who, registration(1), NOW)
    assert uow.households.cases.rows == {} and uow.published == []


def test_a_correction_against_a_stale_version_is_refused_with_the_current_version() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(PreconditionFailed) as refused:
        registry.update_household(uow, COORDINATOR, household.id, correction(size=5), 2, NOW)
    assert refused.value.extra == {"current_version": 3}
    assert uow.households.cases.rows[household.id].size == 3 and uow.commits == 0


def test_a_correction_is_stored_and_bumps_the_version() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    command = correction(annual_income_thb=Decimal("90000.00"), house_no="12/3")

    changed = registry.update_household(uow, COORDINATOR, household.id, command, 3, NOW)

    stored = uow.households.cases.rows[household.id]
    assert changed.version == stored.version == 4
    assert (stored.annual_income_thb, stored.house_no, stored.size) == (
        Decimal("90000.00"),
        "12/3",
        3,
    )


def test_a_correction_without_a_reason_is_refused_naming_the_reason() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(ValidationFailed) as refused:
        registry.update_household(uow, COORDINATOR, household.id, correction(reason=" "), 3, NOW)
    assert [e.field for e in refused.value.errors] == ["reason"]
    assert uow.commits == 0


def test_a_household_outside_the_callers_reach_is_not_found_and_a_looker_is_forbidden() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    with pytest.raises(NotFound):
        registry.update_household(uow, ELSEWHERE, household.id, correction(size=5), None, NOW)
    with pytest.raises(Forbidden):
        registry.update_household(uow, SUPERVISOR, household.id, correction(size=5), None, NOW)
    assert uow.households.cases.rows[household.id].version == 3


def test_a_correction_changes_only_what_it_names_and_may_clear_the_house_number() -> None:
    household = case(house_no="7")
    uow = FakeUnitOfWork().given(household)

    registry.update_household(uow, COORDINATOR, household.id, correction(size=5), 3, NOW)
    assert uow.households.cases.rows[household.id].house_no == "7"
    registry.update_household(uow, COORDINATOR, household.id, correction(house_no=None), 4, NOW)

    stored = uow.households.cases.rows[household.id]
    assert (stored.size, stored.house_no, stored.version) == (5, None, 5)


def test_a_key_kept_before_fingerprints_were_replays_the_first_answer() -> None:
    uow = FakeUnitOfWork()
    first = register(uow, COORDINATOR, registration(1, client_key=KEY), NOW)
    command, _, answer = uow.client_requests.answers.rows[(COORDINATOR.person_id, KEY)]
    kept = (command, UNKNOWN_FINGERPRINT, answer)
    uow.client_requests.answers.rows[(COORDINATOR.person_id, KEY)] = kept

    assert register(uow, COORDINATOR, registration(2, client_key=KEY), LATER) == first
    assert len(uow.households.cases.rows) == 1
