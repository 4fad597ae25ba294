"""People: register, change, deactivate, read and list; passwords."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller, Role
from infra.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.people import PeopleFilter, PeopleReach
from services.teams.domain import policy
from services.teams.domain.contact import Contact
from services.teams.domain.person import Person, Profile
from services.teams.domain.team import Seat, seat_problem
from services.teams.events import (
    PASSWORD_CHANGED,
    PERSON_DEACTIVATED,
    PERSON_REGISTERED,
    PERSON_UPDATED,
)
from services.teams.passwords import hash_password, password_problem, verify_password
from services.teams.usecases.audit import record_person
from services.teams.usecases.commands.people import (
    ListPeople,
    PersonDetails,
    RegisterPerson,
    SetPassword,
    UpdatePerson,
)
from services.teams.usecases.teams import depart


def profile_from(command: PersonDetails) -> Profile:
    contact, problems = Contact.parse(command.line_user_id, command.email, command.phone)
    if problems:
        raise ValidationFailed("the person's contact details are not valid", problems)
    return Profile(
        username=command.username.strip().lower(),
        display_name=command.display_name.strip(),
        roles=frozenset(command.roles),
        areas=command.areas,
        contact=contact,
        language=command.language,
        national_id=command.national_id,
    )


def register_person(
    uow: TeamsUnitOfWork, caller: Caller, command: RegisterPerson, now: datetime
) -> Person:
    caller.require(Role.ADMINISTRATOR)
    person = Person.register(profile_from(command), now)
    password = command.password
    problem = password and password_problem(password, person.profile.username)
    if problem:
        raise ValidationFailed.on("password", problem)
    with uow:
        _refuse_duplicates(uow, person)
        uow.people.add(person)
        if password:
            uow.people.set_password_hash(person.id, hash_password(password), now)
        uow.emit(PERSON_REGISTERED, person_event(person))
        record_person(uow, caller.person_id, None, person, "registered", now)
        uow.commit()
    return person


def update_person(
    uow: TeamsUnitOfWork,
    caller: Caller,
    person_id: str,
    command: UpdatePerson,
    expected_version: int | None,
    now: datetime,
) -> Person:
    caller.require(Role.ADMINISTRATOR)
    with uow:
        person = _current(uow, person_id, expected_version)
        changed = person.updated(profile_from(command))
        _require_reason_for_corrections(person, changed, command.reason)
        _refuse_duplicates(uow, changed)
        _refuse_unfitting_team_seats(uow, changed)
        uow.people.save(changed)
        uow.emit(PERSON_UPDATED, person_event(changed))
        record_person(uow, caller.person_id, person, changed, "changed", now, command.reason)
        uow.commit()
    return changed


def deactivate_person(
    uow: TeamsUnitOfWork,
    caller: Caller,
    person_id: str,
    expected_version: int | None,
    now: datetime,
) -> Person:
    """The person stays on record (history keeps naming them); they can no longer log in, and they
    leave the teams they served in (each team then announces it is incomplete)."""
    caller.require(Role.ADMINISTRATOR)
    with uow:
        before = _current(uow, person_id, expected_version)
        person = before.deactivated()
        uow.people.save(person)
        record_person(uow, caller.person_id, before, person, "deactivated", now)
        for team in uow.teams.of_person(person.id):
            depart(uow, caller, team, person.id, "the person was deactivated", now)
        for trainer_team in uow.trainer_teams.of_person(person.id):
            uow.trainer_teams.save(trainer_team.leave(person.id))
        uow.emit(PERSON_DEACTIVATED, {"person_id": person.id, "version": person.version})
        uow.commit()
    return person


def get_person(uow: TeamsUnitOfWork, caller: Caller, person_id: str) -> Person:
    with uow:
        person = uow.people.get(person_id)
    if person is None or not may_see(caller, person):
        raise NotFound(f"person {person_id} not found")
    return person


def list_people(uow: TeamsUnitOfWork, caller: Caller, query: ListPeople) -> Page[Person]:
    """The people the caller could open one by one (`may_see`): everyone for administrators,
    else themselves and, for area readers, the people answering for areas inside theirs."""
    reach = PeopleReach(policy.readable_areas(caller), caller.person_id)
    with uow:
        where = PeopleFilter(query.name, query.role and query.role.value, query.area, query.active)
        return uow.people.list(reach, where, query.after, query.limit)


def set_password(
    uow: TeamsUnitOfWork, caller: Caller, person_id: str, command: SetPassword, now: datetime
) -> None:
    with uow:
        person = uow.people.get(person_id)
        if person is None or not (caller.is_admin or caller.person_id == person_id):
            raise NotFound(f"person {person_id} not found")
        if not caller.is_admin and not verify_password(
            uow.people.password_hash(person_id), command.current_password or ""
        ):
            raise Forbidden("the current password is wrong")
        problem = password_problem(command.password, person.profile.username)
        if problem:
            raise ValidationFailed.on("password", problem)
        uow.people.set_password_hash(person_id, hash_password(command.password), now)
        uow.emit(PASSWORD_CHANGED, {"person_id": person_id})  # tokens issued before it end
        record_person(uow, caller.person_id, person, person, "password_set", now)
        uow.commit()


def may_see(caller: Caller, person: Person) -> bool:
    if caller.is_admin or caller.person_id == person.id:
        return True
    areas = policy.readable_areas(caller) or ()
    return any(area.startswith(mine) for area in person.profile.areas for mine in areas if mine)


def person_event(person: Person) -> dict[str, Any]:
    p = person.profile
    return {
        "person_id": person.id,
        "username": p.username,
        "display_name": p.display_name,
        "roles": sorted(r.value for r in p.roles),
        "areas": list(p.areas),
        "channels": {
            "line_user_id": p.contact.line_user_id,
            "email": p.contact.email,
            "phone": p.contact.phone,
        },
        "language": p.language,
        "active": person.active,
        "version": person.version,
    }


def _current(uow: TeamsUnitOfWork, person_id: str, expected_version: int | None) -> Person:
    person = uow.people.get(person_id)
    if person is None:
        raise NotFound(f"person {person_id} not found")
    require_version(person.version, expected_version, "person")
    return person


REGISTRY_DATA = ("display_name", "national_id", "phone")


def _require_reason_for_corrections(before: Person, after: Person, reason: str | None) -> None:
    """A correction of who the person is (name, national ID, phone) says why."""
    if reason and reason.strip():
        return
    if registry_data(before) != registry_data(after):
        raise ValidationFailed.on(
            "reason", "a correction of a person's registry data needs a reason"
        )


def registry_data(person: Person) -> tuple[str | None, ...]:
    p = person.profile
    return (p.display_name, p.national_id, p.contact.phone)


def _refuse_unfitting_team_seats(uow: TeamsUnitOfWork, person: Person) -> None:
    """A change may not take away the role or the area a person serves with in a Smile Team."""
    for team in uow.teams.of_person(person.id):
        role = team.role_of(person.id)
        if role and seat_problem(Seat(role, person.id, person), team.coverage):
            field = "roles" if role not in person.profile.roles else "areas"
            raise Conflict(
                f"this person serves as {role.value} in team {team.id}; they leave it first",
                [FieldError(field, "would no longer fit a team this person serves in")],
            )


def _refuse_duplicates(uow: TeamsUnitOfWork, person: Person) -> None:
    problems = []
    if uow.people.taken("username", person.profile.username, person.id):
        problems.append(FieldError("username", "already taken"))
    nid = person.profile.national_id
    if nid and uow.people.taken("national_id", nid, person.id):
        problems.append(FieldError("national_id", "this person is already registered"))
    if problems:
        raise Conflict("someone with these details is already registered", problems)
