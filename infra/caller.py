"""Who is calling: the identity the gateway passes to every service call.

The gateway authenticates each request and sends `caller.to_dict()` as the first argument of every
RPC method that reads or changes an object. Services rebuild it with `Caller.from_dict` and check
each object against it where the data is (object-level authorization): the gateway's route is not
trusted to have filtered anything. Policies (who sees which households, loans, teams) live in each
service's domain; this module only holds the identity and the area arithmetic they share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from infra.errors import Forbidden


class Role(StrEnum):
    VOLUNTEER_LEADER = "volunteer_leader"  # ผู้นำ อช.: Smile Team member living in the village
    SUBDISTRICT_COORDINATOR = "subdistrict_coordinator"  # พก.: CDD officer for one or more tambons
    DISTRICT_EXPERT = "district_expert"  # ชช.: district poverty expert, approves plans
    DISTRICT_SUPERVISOR = "district_supervisor"  # พัฒนาการอำเภอ
    PROVINCIAL_SUPERVISOR = "provincial_supervisor"  # พัฒนาการจังหวัด
    SAVINGS_GROUP_OFFICER = "savings_group_officer"  # committee of a savings-for-production group
    TRAINER = "trainer"  # ปราชญ์ชุมชน / วิทยากรสัมมาชีพ
    ADMINISTRATOR = "administrator"


SMILE_TEAM_ROLES = (Role.VOLUNTEER_LEADER, Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT)
# Roles whose work needs full national IDs (referrals, approvals, identity checks); others see them
# masked (x-xxxx-xxxxx-45-0).
NATIONAL_ID_ROLES = frozenset(
    {Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT, Role.ADMINISTRATOR}
)


def area_level(code: str) -> str:
    """DOPA code length tells the level: 2 province, 4 district, 6 sub-district, 8 village."""
    return {2: "province", 4: "district", 6: "subdistrict", 8: "village"}.get(len(code), "unknown")


@dataclass(frozen=True)
class Caller:
    person_id: str
    username: str
    roles: frozenset[Role]
    areas: tuple[str, ...] = ()  # DOPA codes of the person's responsibility
    teams: tuple[str, ...] = ()  # Smile Teams the person serves in
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def has_role(self, *roles: Role) -> bool:
        return self.is_admin or any(role in self.roles for role in roles)

    @property
    def is_admin(self) -> bool:
        return Role.ADMINISTRATOR in self.roles

    def covers(self, area_code: str) -> bool:
        """True when `area_code` lies inside one of the caller's areas (administrators: always)."""
        return self.is_admin or any(area_code.startswith(area) for area in self.areas)

    def in_team(self, team_id: str | None) -> bool:
        return team_id is not None and team_id in self.teams

    @property
    def sees_national_ids(self) -> bool:
        return bool(self.roles & NATIONAL_ID_ROLES)

    def require(self, *roles: Role) -> None:
        """Refuse (403) unless the caller holds one of `roles`."""
        if not self.has_role(*roles):
            names = ", ".join(sorted(role.value for role in roles))
            raise Forbidden(f"this needs one of the roles: {names}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "username": self.username,
            "roles": sorted(role.value for role in self.roles),
            "areas": list(self.areas),
            "teams": list(self.teams),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Caller:
        return cls(
            person_id=str(data["person_id"]),
            username=str(data["username"]),
            roles=frozenset(_known_roles(data.get("roles", ()))),
            areas=tuple(str(a) for a in data.get("areas", ())),
            teams=tuple(str(t) for t in data.get("teams", ())),
        )


def _known_roles(values: Iterable[str]) -> Iterable[Role]:
    """Unknown role names are ignored, never trusted."""
    return (Role(v) for v in values if v in Role._value2member_map_)


# For timers and event handlers acting on the system's own behalf.
SYSTEM = Caller(person_id="system", username="system", roles=frozenset({Role.ADMINISTRATOR}))
