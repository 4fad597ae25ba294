"""Payloads of the teams RPC methods (validation in, serialisation out), by subject."""

from services.teams.schemas.people import (
    ROLE_NAMES,
    Credentials,
    ListPeople,
    PeoplePage,
    PersonIn,
    PersonOut,
    RegisterPerson,
    SetPassword,
    UpdatePerson,
    person_out,
    person_schema,
)

__all__ = [
    "ROLE_NAMES",
    "Credentials",
    "ListPeople",
    "PeoplePage",
    "PersonIn",
    "PersonOut",
    "RegisterPerson",
    "SetPassword",
    "UpdatePerson",
    "person_out",
    "person_schema",
]
