"""People and roles (the teams service), and the caller's own record."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, page_response, query_of, with_etag
from infra.caller import Caller
from infra.rpc import Calls
from services.teams.schemas import (
    ListPeople,
    PeoplePage,
    PersonOut,
    RegisterPerson,
    SetPassword,
    UpdatePerson,
)

PERSON = "/api/v1/people/<string:person_id>"


class PeopleRoutes:
    rpc: Calls

    @api(
        "POST",
        "/api/v1/people",
        summary="Register a person (administrators)",
        body=RegisterPerson,
        responses={201: PersonOut},
        tags=("people",),
        operation="people.register",
    )
    def register_person(self, request: Request, caller: Caller) -> Response:
        person = self.rpc.call("teams", "register_person", caller.to_dict(), read_json(request))
        return with_etag(person, 201, f"/api/v1/people/{person['id']}")

    @api(
        "GET",
        "/api/v1/people",
        summary="People the caller may see",
        query=ListPeople,
        responses={200: PeoplePage},
        tags=("people",),
        operation="people.list",
    )
    def list_people(self, request: Request, caller: Caller) -> Response:
        query = query_of(request, "name", "role", "area", "active", "after", "limit")
        return page_response(
            request, self.rpc.call("teams", "list_people", caller.to_dict(), query)
        )

    @api(
        "GET",
        PERSON,
        summary="One person",
        responses={200: PersonOut},
        tags=("people",),
        operation="people.get",
    )
    def get_person(self, request: Request, person_id: str, caller: Caller) -> Response:
        return with_etag(self.rpc.call("teams", "get_person", caller.to_dict(), person_id))

    @api(
        "PUT",
        PERSON,
        summary="Change a person (If-Match); a change of name, national ID or phone says why",
        body=UpdatePerson,
        responses={200: PersonOut},
        tags=("people",),
        operation="people.update",
        if_match="required",
    )
    def update_person(self, request: Request, person_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        person = self.rpc.call(
            "teams", "update_person", caller.to_dict(), person_id, read_json(request), version
        )
        return with_etag(person)

    @api(
        "POST",
        PERSON + "/deactivation",
        summary="Deactivate a person; history keeps them (If-Match)",
        responses={200: PersonOut},
        tags=("people",),
        operation="people.deactivate",
        if_match="required",
    )
    def deactivate_person(self, request: Request, person_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        person = self.rpc.call("teams", "deactivate_person", caller.to_dict(), person_id, version)
        return with_etag(person)

    @api(
        "PUT",
        PERSON + "/password",
        summary="Set a password (administrators, or oneself with the current one)",
        body=SetPassword,
        responses={204: None},
        tags=("people",),
        operation="people.password.set",
    )
    def set_password(self, request: Request, person_id: str, caller: Caller) -> Response:
        self.rpc.call("teams", "set_password", caller.to_dict(), person_id, read_json(request))
        return Response(status=204)

    @api(
        "GET",
        "/api/v1/me",
        summary="The caller's own record",
        responses={200: PersonOut},
        tags=("people",),
        operation="me.get",
    )
    def me(self, request: Request, caller: Caller) -> Response:
        return json_response(
            self.rpc.call("teams", "get_person", caller.to_dict(), caller.person_id)
        )
