"""Envelopes as the teams, households and funding services publish them (docs/EVENTS.md)."""

from __future__ import annotations

import uuid
from typing import Any

from infra.envelope import Envelope

TAMBON = "240101"
VILLAGE = "24010101"


def envelope(source: str, event_type: str, version: int = 1, **data: Any) -> dict[str, Any]:
    return Envelope(event_type, data, source, version=version).to_dict()


def new_id() -> str:
    return str(uuid.uuid4())


def person(person_id: str, roles: list[str], areas: list[str], *, email: str | None = None,
           line_user_id: str | None = None, language: str = "th") -> dict[str, Any]:  # fmt: skip
    return envelope(
        "teams", "person_registered", person_id=person_id, username=f"u-{person_id[:8]}",
        display_name="Somsri", roles=roles, areas=areas, language=language, active=True,
        channels={"email": email, "line_user_id": line_user_id, "phone": None},
    )  # fmt: skip


def team(team_id: str, expert: str | None, *, coordinator: str | None = None,
         leader: str | None = None) -> dict[str, Any]:  # fmt: skip
    members = {"volunteer_leader": leader, "subdistrict_coordinator": coordinator,
               "district_expert": expert}  # fmt: skip
    return envelope(
        "teams", "team_membership_changed", team_id=team_id, team_name="Smile 1",
        coverage=[TAMBON], members=members, complete=all(members.values()), change="formed",
        person_id=None, role=None,
    )  # fmt: skip


def assigned(household_id: str, team_id: str) -> dict[str, Any]:
    return envelope(
        "teams", "household_assigned", household_id=household_id, team_id=team_id,
        village_code=VILLAGE, assigned_by=new_id(), assigned_at="2026-11-21T03:00:00+00:00",
    )  # fmt: skip


def visit_overdue(
    household_id: str, team_id: str | None = None, version: int = 1
) -> dict[str, Any]:
    return envelope(
        "households", "visit_overdue", version, household_id=household_id, village_code=VILLAGE,
        team_id=team_id, due_on="2026-11-20", detected_at="2026-11-21T01:00:00+00:00",
    )  # fmt: skip


def visit_logged(household_id: str, team_id: str | None = None) -> dict[str, Any]:
    return envelope(
        "households", "visit_logged", household_id=household_id, visit_id=new_id(),
        village_code=VILLAGE, team_id=team_id, visited_at="2026-11-22T03:00:00+00:00",
        visited_by=new_id(), wellbeing=3,
    )  # fmt: skip
