"""Two provinces for the access matrix: every kind of object in Chon Buri (B), and a person of
every role in Chachoengsao (A), built through the API as people would."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.e2e.test_teams import PASSWORD, Client, seat
from tests.integration.helpers import national_id
from tests.support.waiting import wait_for

A = {"province": "24", "district": "2401", "tambon": "240107", "village": "24010701"}
B = {"province": "20", "district": "2001", "tambon": "200101", "village": "20010101"}
ROLES_AT = {  # each role of province A, and the area it answers for
    "volunteer_leader": A["village"],
    "subdistrict_coordinator": A["tambon"],
    "district_expert": A["district"],
    "district_supervisor": A["district"],
    "provincial_supervisor": A["province"],
    "savings_group_officer": A["village"],
    "trainer": A["village"],
}


@dataclass
class World:
    system: Any
    admin: Client
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    objects: dict[str, str] = field(default_factory=dict)  # B's objects, by path parameter
    callers: dict[str, Client] = field(default_factory=dict)  # A's people, by role
    a_household: str = ""

    def person(self, name: str, role: str, area: str, **extra: Any) -> dict[str, Any]:
        body = {
            "username": f"{name}.{self.tag}",
            "display_name": name.title(),
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
            **extra,
        }
        return ok(self.admin.call("POST", "/api/v1/people", body), 201).json()

    def login(self, person: dict[str, Any]) -> Client:
        return Client(self.system.url, self.system.token(person["username"], PASSWORD))


def ok(answer: Any, status: int = 200) -> Any:
    assert answer.status_code == status, answer.text
    return answer


def household(client: Client, village: str) -> str:
    body = {
        "village_code": village,
        "size": 3,
        "annual_income_thb": "30000.00",
        "bmn": {"survey_year": 2026, "failed_indicators": ["7"]},
        "members": [
            {
                "first_name": "Somchai",
                "last_name": "Dee",
                "is_head": True,
                "national_id": national_id(random.randrange(10**9, 10**10)),
            }
        ],
    }
    return ok(client.call("POST", "/api/v1/households", body), 201).json()["id"]


def smile_team(world: World, area: dict[str, str], prefix: str) -> tuple[str, dict[str, Client]]:
    people = {
        "supervisor": world.person(f"{prefix}sup", "district_supervisor", area["district"]),
        "coordinator": world.person(f"{prefix}coord", "subdistrict_coordinator", area["tambon"]),
        "expert": world.person(f"{prefix}exp", "district_expert", area["district"]),
        "leader": world.person(f"{prefix}lead", "volunteer_leader", area["village"]),
    }
    supervisor = world.login(people["supervisor"])
    members = [
        seat("volunteer_leader", people["leader"]),
        seat("subdistrict_coordinator", people["coordinator"]),
        seat("district_expert", people["expert"]),
    ]
    team = ok(
        supervisor.call(
            "POST",
            "/api/v1/teams",
            {"name": f"{prefix} {world.tag}", "coverage": [area["tambon"]], "members": members},
        ),
        201,
    ).json()
    clients = {name: world.login(p) for name, p in people.items()}
    clients["people"] = people  # type: ignore[assignment]
    return team["id"], clients


def assigned(world: World, client: Client, household_id: str, team_id: str) -> None:
    wait_for(
        lambda: client.call("GET", f"/api/v1/assignments/{household_id}").status_code == 200,
        what="teams to learn of the household",
    )
    ok(
        client.call(
            "POST", "/api/v1/assignments", {"household_id": household_id, "team_id": team_id}
        ),
        201,
    )
