"""People use cases with the fake unit of work: registering, changing, passwords, lists, who may.
No database."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from infra.caller import SYSTEM, Role
from infra.errors import Conflict, Forbidden, PreconditionFailed, ValidationFailed
from services.teams.domain.team import Team
from services.teams.passwords import verify_password
from services.teams.usecases import people
from services.teams.usecases.commands.people import (
    ListPeople,
    RegisterPerson,
    SetPassword,
    UpdatePerson,
)
from tests.unit.teams.factories import NOW, TAMBON, caller, seat
from tests.unit.teams.factories import coordinator as coordinator_of
from tests.unit.teams.fakes import FakeUnitOfWork

SOMSRI = RegisterPerson(
    " Somsri.K ", " Somsri ", (Role.SUBDISTRICT_COORDINATOR,), (TAMBON,), phone="081 234 5678"
)
PASSWORD = "a long enough secret"


def test_an_administrator_registers_a_person_with_a_password_and_it_is_announced():
    uow = FakeUnitOfWork()
    person = people.register_person(uow, SYSTEM, replace(SOMSRI, password=PASSWORD), NOW)
    stored = uow.people.get(person.id)
    assert (stored.profile.username, stored.profile.display_name) == ("somsri.k", "Somsri")
    assert verify_password(uow.people.password_hash(person.id), PASSWORD)
    ((event_type, data),) = uow.published
    assert event_type == "person_registered" and data["roles"] == ["subdistrict_coordinator"]


def test_a_taken_username_a_weak_password_or_a_non_administrator_registers_nobody():
    uow = FakeUnitOfWork()
    people.register_person(uow, SYSTEM, SOMSRI, NOW)
    with pytest.raises(Conflict) as failure:
        people.register_person(uow, SYSTEM, replace(SOMSRI, display_name="Other"), NOW)
    assert [e.field for e in failure.value.errors] == ["username"]
    with pytest.raises(ValidationFailed) as failure:
        people.register_person(
            uow, SYSTEM, replace(SOMSRI, username="somsri.b", password="short"), NOW
        )
    assert [e.field for e in failure.value.errors] == ["password"]
    with pytest.raises(Forbidden):
        people.register_person(uow, caller(Role.DISTRICT_SUPERVISOR, ["2401"]), SOMSRI, NOW)
    assert len(uow.published) == 1


def test_a_change_needs_the_version_and_may_not_unseat_a_team_member():
    coordinator = coordinator_of(pid=str(uuid.uuid4()))
    team = Team.form("Smile", [TAMBON], [seat(Role.SUBDISTRICT_COORDINATOR, coordinator)], NOW)
    uow = FakeUnitOfWork().given(coordinator, team)
    details = UpdatePerson(
        "someone", "Coordinator", (Role.SUBDISTRICT_COORDINATOR,), (TAMBON,), reason="misspelt"
    )
    with pytest.raises(PreconditionFailed):
        people.update_person(uow, SYSTEM, coordinator.id, details, 2, NOW)
    with pytest.raises(Conflict) as failure:
        people.update_person(
            uow, SYSTEM, coordinator.id, replace(details, roles=(Role.TRAINER,)), 1, NOW
        )
    assert [e.field for e in failure.value.errors] == ["roles"]
    changed = people.update_person(uow, SYSTEM, coordinator.id, details, 1, NOW)
    assert uow.people.get(coordinator.id) == changed and changed.version == 2


def update(**changed: object) -> UpdatePerson:
    kept = {name: value for name, value in vars(SOMSRI).items() if name != "password"}
    return UpdatePerson(**{**kept, **changed})  # type: ignore[arg-type]


def test_a_correction_of_name_national_id_or_phone_needs_a_reason_a_new_role_does_not():
    uow = FakeUnitOfWork()
    person = people.register_person(uow, SYSTEM, SOMSRI, NOW)
    with pytest.raises(ValidationFailed) as failure:
        people.update_person(uow, SYSTEM, person.id, update(phone="081 234 9999"), 1, NOW)
    assert [e.field for e in failure.value.errors] == ["reason"]

    widened = update(language="en")
    assert people.update_person(uow, SYSTEM, person.id, widened, 1, NOW).version == 2
    renamed = update(display_name="Somsri B.", reason="the name was misspelt")
    assert people.update_person(uow, SYSTEM, person.id, renamed, 2, NOW).version == 3


def test_a_person_changes_their_own_password_with_the_current_one():
    uow = FakeUnitOfWork()
    person = people.register_person(uow, SYSTEM, replace(SOMSRI, password=PASSWORD), NOW)
    me = person.as_caller()
    with pytest.raises(Forbidden):
        people.set_password(uow, me, person.id, SetPassword("another long secret", "wrong"), NOW)
    people.set_password(uow, me, person.id, SetPassword("another long secret", PASSWORD), NOW)
    assert verify_password(uow.people.password_hash(person.id), "another long secret")
    assert uow.published[-1] == ("password_changed", {"person_id": person.id})


def test_a_list_is_read_within_the_callers_reach_and_filter():
    uow = FakeUnitOfWork()
    person = people.register_person(uow, SYSTEM, SOMSRI, NOW)
    query = ListPeople("c", 20, "som", Role.SUBDISTRICT_COORDINATOR, TAMBON, True)
    assert people.list_people(uow, caller(Role.DISTRICT_SUPERVISOR, ["2401"]), query).items == [
        person
    ]
    reach, where, after, limit = uow.people.asked
    assert (reach.areas, reach.me, after, limit) == (("2401",), "me", "c", 20)
    assert (where.name, where.role, where.area, where.active) == (
        "som",
        "subdistrict_coordinator",
        TAMBON,
        True,
    )
