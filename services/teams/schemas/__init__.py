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
    person_out,
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
    "person_out",
]
