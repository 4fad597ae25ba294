"""People: staff and volunteers with roles and the areas they answer for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime

from infra.areas import area_problem
from infra.caller import Caller, Role, area_level
from infra.errors import Conflict, FieldError, ValidationFailed
from infra.national_id import national_id_problem
from services.teams.domain.contact import Contact
from services.teams.vocabulary import LANGUAGES, USERNAME

# The area levels each role may answer for.
ROLE_AREA_LEVELS: dict[Role, frozenset[str]] = {
    Role.VOLUNTEER_LEADER: frozenset({"village", "subdistrict"}),
    Role.SUBDISTRICT_COORDINATOR: frozenset({"subdistrict"}),
    Role.DISTRICT_EXPERT: frozenset({"district"}),
    Role.DISTRICT_SUPERVISOR: frozenset({"district"}),
    Role.PROVINCIAL_SUPERVISOR: frozenset({"province"}),
    Role.SAVINGS_GROUP_OFFICER: frozenset({"village", "subdistrict", "district"}),
    Role.TRAINER: frozenset({"village", "subdistrict"}),
    Role.ADMINISTRATOR: frozenset({"province", "district", "subdistrict", "village"}),
}


@dataclass(frozen=True)
class Profile:
    """What an administrator states about a person."""

    username: str
    display_name: str
    roles: frozenset[Role]
    areas: tuple[str, ...]
    contact: Contact
    language: str = "th"
    national_id: str | None = None


@dataclass(frozen=True)
class Person:
    profile: Profile
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    active: bool = True
    version: int = 1

    @classmethod
    def register(cls, profile: Profile, now: datetime) -> Person:
        check_profile(profile)
        return cls(profile, now)

    def updated(self, profile: Profile) -> Person:
        if not self.active:
            raise Conflict("a deactivated person cannot be changed", allowed=[])
        check_profile(profile)
        return replace(self, profile=profile, version=self.version + 1)

    def deactivated(self) -> Person:
        if not self.active:
            raise Conflict("this person is already deactivated", allowed=[])
        return replace(self, active=False, version=self.version + 1)

    def as_caller(self, teams: tuple[str, ...] = ()) -> Caller:
        p = self.profile
        return Caller(self.id, p.username, p.roles, p.areas, teams)


def check_profile(profile: Profile) -> None:
    problems = [*_identity_problems(profile), *_role_area_problems(profile)]
    if problems:
        raise ValidationFailed("the person's details are not valid", problems)


def _identity_problems(profile: Profile) -> list[FieldError]:
    problems = []
    if not USERNAME.fullmatch(profile.username):
        problems.append(FieldError("username", "3-40 lower-case letters, digits, '.', '_' or '-'"))
    if not profile.display_name.strip():
        problems.append(FieldError("display_name", "must not be blank"))
    if profile.language not in LANGUAGES:
        problems.append(FieldError("language", "must be th or en"))
    if profile.national_id is not None and (problem := national_id_problem(profile.national_id)):
        problems.append(FieldError("national_id", problem))
    return problems


def _role_area_problems(profile: Profile) -> list[FieldError]:
    if not profile.roles:
        return [FieldError("roles", "at least one role")]
    if not profile.areas and profile.roles != {Role.ADMINISTRATOR}:
        return [FieldError("areas", "at least one area for these roles")]
    problems = []
    allowed = set().union(*(ROLE_AREA_LEVELS[role] for role in profile.roles))
    for i, code in enumerate(profile.areas):
        problem = area_problem(code)
        if problem is None and area_level(code) not in allowed:
            problem = f"a {area_level(code)} does not suit the roles given"
        if problem:
            problems.append(FieldError(f"areas.{i}", problem))
    return problems
