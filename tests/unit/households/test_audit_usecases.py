"""The audit trail with the fake unit of work: an entry per change in the change's transaction,
the fields changed with old and new values, none for a refused change, reads masked as the
household read is, and who may search."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from infra.audit import changes
from infra.caller import Role
from infra.commands import command_of
from infra.errors import Forbidden, NotFound, PreconditionFailed
from services.households.domain.identity import mask_national_id
from services.households.domain.plan import PlanStatus
from services.households.entrypoints.audit import for_reader
from services.households.usecases import case as cases
from services.households.usecases import history, plans, registry
from services.households.usecases.commands import RecordConsent, RegisterHousehold, UpdateHousehold
from services.households.usecases.history import AuditSearch
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    EXPERT,
    LATER,
    LEADER,
    NOW,
    SUPERVISOR,
    VILLAGE,
    caller,
    case,
    national_id,
    plan,
    registration,
)
from tests.unit.households.fakes import FakeUnitOfWork

ADMIN = caller(Role.ADMINISTRATOR)
TODAY = date(2026, 11, 21)


def registered(uow: FakeUnitOfWork) -> str:
    command = command_of(RegisterHousehold, registration(1))
    return str(registry.register_household(uow, COORDINATOR, command, NOW)["id"])


def test_changes_keeps_only_the_fields_that_differ() -> None:
    assert changes({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == {"b": [2, 3]}
    assert changes({}, {"a": 1}) == {"a": [None, 1]}


def test_a_registration_records_who_registered_what_and_where() -> None:
    uow = FakeUnitOfWork()
    household_id = registered(uow)

    (entry,) = uow.audit.entries
    assert (entry.object_type, entry.object_id, entry.action) == (
        "household",
        household_id,
        "registered",
    )
    assert (entry.actor_id, entry.at, entry.area_code) == (COORDINATOR.person_id, NOW, VILLAGE)
    assert entry.changes["annual_income_thb"] == [None, "60000.00"]
    assert entry.changes["members"][1][0]["national_id"] == national_id(1)


def test_a_correction_records_only_the_fields_it_changed() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    changed = {"annual_income_thb": Decimal("72000"), "size": 3, "reason": "new survey"}
    command = command_of(UpdateHousehold, changed)

    registry.update_household(uow, COORDINATOR, household.id, command, 3, LATER)

    (entry,) = uow.audit.entries
    assert entry.action == "corrected" and entry.at == LATER and entry.reason == "new survey"
    assert entry.changes == {"annual_income_thb": ["60000.00", "72000"]}


def test_a_refused_change_records_nothing() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    command = command_of(UpdateHousehold, {"size": 5, "reason": "recount"})

    with pytest.raises(PreconditionFailed):
        registry.update_household(uow, COORDINATOR, household.id, command, 2, LATER)
    assert uow.audit.entries == []


def test_consent_records_the_answer_and_the_move() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    cases.record_consent(uow, COORDINATOR, household.id, RecordConsent(True, True), 3, NOW)

    (entry,) = uow.audit.entries
    assert entry.action == "consent_recorded"
    assert entry.changes == {"consented": [None, True], "stage": ["target", "compass"]}


def test_the_history_is_newest_first_and_masked_for_a_caller_who_may_not_see_ids() -> None:
    uow = FakeUnitOfWork()
    household_id = registered(uow)
    command = command_of(UpdateHousehold, {"size": 4, "reason": "recount"})
    registry.update_household(uow, COORDINATOR, household_id, command, 1, LATER)
    uow.households.cases.rows[household_id].team_id = LEADER.teams[0]

    found = history.household_history(uow, LEADER, household_id, None, 50)

    assert [e.action for e in found.items] == ["corrected", "registered"]
    shown = for_reader(found, LEADER).items[1].changes["members"][1][0]["national_id"]
    assert shown == mask_national_id(national_id(1)) != national_id(1)
    whole = for_reader(found, COORDINATOR).items[1].changes["members"][1][0]["national_id"]
    assert whole == national_id(1)


def test_the_history_of_a_household_outside_the_callers_reach_is_not_found() -> None:
    uow = FakeUnitOfWork()
    household_id = registered(uow)
    with pytest.raises(NotFound):
        history.household_history(uow, ELSEWHERE, household_id, None, 50)


def test_supervisors_and_administrators_search_an_area_others_may_not() -> None:
    uow = FakeUnitOfWork()
    registered(uow)
    period = AuditSearch("2401", date(2026, 11, 1), date(2026, 11, 30))

    assert [e.action for e in history.search_audit(uow, ADMIN, period, TODAY).items] == [
        "registered"
    ]
    assert len(history.search_audit(uow, SUPERVISOR, period, TODAY).items) == 1
    with pytest.raises(Forbidden):
        history.search_audit(uow, COORDINATOR, period, TODAY)
    with pytest.raises(NotFound):
        history.search_audit(uow, SUPERVISOR, AuditSearch("2402"), TODAY)
    outside = AuditSearch("2401", date(2026, 10, 1), date(2026, 10, 31))
    assert history.search_audit(uow, ADMIN, outside, TODAY).items == []
    assert len(history.search_audit(uow, ADMIN, AuditSearch("24"), TODAY).items) == 1  # 30 days
    assert len(history.search_audit(uow, SUPERVISOR, AuditSearch(), TODAY).items) == 1
    elsewhere = caller(Role.DISTRICT_SUPERVISOR, "2402")
    assert history.search_audit(uow, elsewhere, AuditSearch(), TODAY).items == []


def test_an_approval_records_the_plan_and_the_move_of_the_case_it_brings() -> None:
    household = case(Stage.COMPASS)
    submitted = plan(household, PlanStatus.SUBMITTED)
    uow = FakeUnitOfWork().given(household, submitted)

    plans.approve_plan(uow, EXPERT, household.id, 2, NOW)

    approved, moved = uow.audit.entries
    assert (approved.object_type, approved.object_id, approved.action) == (
        "plan",
        submitted.id,
        "approved",
    )
    assert approved.changes["status"] == ["submitted", "approved"]
    assert (moved.object_type, moved.action, moved.reason) == (
        "household",
        "stage_changed",
        "plan 1 approved",
    )
    assert moved.changes == {"stage": ["compass", "manage"]}
