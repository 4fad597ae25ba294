"""Audit entries of the teams use cases: one per change of a team, an assignment, a person or a
group's monthly report, in the change's transaction.

Values are stored whole (national IDs, phones); a read masks them for a caller who may not see
them (`entrypoints/audit.py`), as the person read does."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from infra.audit import area_of, changes
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.assignment import Assignment
from services.teams.domain.group_progress import GroupReport
from services.teams.domain.person import Person
from services.teams.domain.team import Team

TEAM, ASSIGNMENT, PERSON, GROUP_REPORT = "team", "assignment", "person", "group_report"


def team_values(team: Team | None) -> dict[str, Any]:
    if team is None:
        return {}
    members = {role.value: person for role, person in sorted(team.members.items())}
    return {"name": team.name, "coverage": list(team.coverage), "members": members}


def person_values(person: Person | None) -> dict[str, Any]:
    if person is None:
        return {}
    p = person.profile
    return {
        "username": p.username,
        "display_name": p.display_name,
        "roles": sorted(r.value for r in p.roles),
        "areas": list(p.areas),
        "line_user_id": p.contact.line_user_id,
        "email": p.contact.email,
        "phone": p.contact.phone,
        "language": p.language,
        "national_id": p.national_id,
        "active": person.active,
    }


def assignment_values(assignment: Assignment | None) -> dict[str, Any]:
    return {"team_id": assignment.team_id} if assignment else {}


def report_values(made: GroupReport | None) -> dict[str, Any]:
    if made is None:
        return {}
    values = asdict(made)
    return _jsonable({k: values[k] for k in ("operating", "income", "note")})


def record_team(
    uow: TeamsUnitOfWork,
    by: str,
    before: Team | None,
    after: Team,
    action: str,
    now: datetime,
    reason: str | None = None,
) -> None:
    changed = changes(team_values(before), team_values(after))
    _record(uow, (TEAM, after.id), area_of(after.coverage), action, by, now, changed, reason)


def record_person(
    uow: TeamsUnitOfWork,
    by: str,
    before: Person | None,
    after: Person,
    action: str,
    now: datetime,
    reason: str | None = None,
) -> None:
    changed = changes(person_values(before), person_values(after))
    area = area_of(after.profile.areas)
    _record(uow, (PERSON, after.id), area, action, by, now, changed, reason)


def record_assignment(
    uow: TeamsUnitOfWork,
    before: Assignment | None,
    after: Assignment,
    reason: str | None = None,
) -> None:
    action = "assigned" if before is None else "reassigned"
    changed = changes(assignment_values(before), assignment_values(after))
    target = (ASSIGNMENT, after.household_id)
    area = area_of([after.village_code])
    _record(uow, target, area, action, after.assigned_by, after.assigned_at, changed, reason)


def report_id(group_id: str, period: Any) -> str:
    return f"{group_id}:{period:%Y-%m}"


def record_report(uow: TeamsUnitOfWork, before: GroupReport | None, after: GroupReport) -> None:
    action = "reported" if before is None else "report_replaced"
    changed = changes(report_values(before), report_values(after))
    target = (GROUP_REPORT, report_id(after.group_id, after.period))
    area = area_of([after.village_code])
    _record(uow, target, area, action, after.reported_by, after.reported_at, changed, None)


def _record(
    uow: TeamsUnitOfWork,
    target: tuple[str, str],
    area: str,
    action: str,
    by: str,
    now: datetime,
    changed: dict[str, Any],
    reason: str | None,
) -> None:
    object_type, object_id = target
    uow.audit.record(
        object_type=object_type,
        object_id=object_id,
        area_code=area,
        action=action,
        actor_id=by,
        at=now,
        changed=changed,
        reason=reason,
    )


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, default=str))
