"""People, login and identity entrypoints."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed, load
from services.teams import schemas
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now as _now
from services.teams.usecases import auth, people
from services.teams.usecases.commands import people as c


class PeopleEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def authenticate(self, credentials: dict[str, Any]) -> dict[str, Any]:
        given = load(schemas.Credentials, credentials)
        return auth.authenticate(self.uow, given["username"], given["password"], _now()).to_dict()

    @rpc
    def identify(self, person_id: str | None = None, username: str | None = None) -> dict[str, Any]:
        return auth.identify(self.uow, person_id, username).to_dict()

    @rpc
    def register_person(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        command = command_of(c.RegisterPerson, load(schemas.RegisterPerson, payload))
        person = people.register_person(self.uow, who, command, _now())
        return schemas.person_out(person, show_national_id=who.sees_national_ids)

    @rpc
    def update_person(
        self,
        caller: dict[str, Any],
        person_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        command = command_of(c.UpdatePerson, load(schemas.UpdatePerson, payload))
        person = people.update_person(self.uow, who, person_id, command, expected_version, _now())
        return schemas.person_out(person, show_national_id=who.sees_national_ids)

    @rpc
    def deactivate_person(
        self, caller: dict[str, Any], person_id: str, expected_version: int | None = None
    ) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        person = people.deactivate_person(self.uow, who, person_id, expected_version, _now())
        return schemas.person_out(person, show_national_id=who.sees_national_ids)

    @rpc
    def get_person(self, caller: dict[str, Any], person_id: str) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        person = people.get_person(self.uow, who, person_id)
        return schemas.person_out(person, show_national_id=who.sees_national_ids)

    @rpc
    def list_people(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        command = command_of(c.ListPeople, load(schemas.ListPeople, query))
        found = people.list_people(self.uow, who, command)
        return listed(schemas.person_schema(show_national_id=who.sees_national_ids), found)

    @rpc
    def set_password(self, caller: dict[str, Any], person_id: str, payload: dict[str, Any]) -> None:
        command = command_of(c.SetPassword, load(schemas.SetPassword, payload))
        people.set_password(self.uow, Caller.from_dict(caller), person_id, command, _now())
