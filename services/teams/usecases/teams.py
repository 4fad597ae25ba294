"""Smile Teams: form, change, join, leave, read and list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.teams import TeamFilter
from services.teams.domain import policy
from services.teams.domain.team import Seat, Team
from services.teams.usecases.audit import record_team
from services.teams.usecases.commands.teams import (
    ChangeTeam,
    FormTeam,
    JoinTeam,
    LeaveTeam,
    ListTeams,
)
from services.teams.usecases.common import found, people
from services.teams.usecases.team_events import emit_membership

log = get_logger(__name__)


def may_read(caller: Caller, team: Team) -> bool:
    return policy.reads_area(caller, team.coverage) or caller.person_id in team.member_ids


def form_team(uow: TeamsUnitOfWork, caller: Caller, command: FormTeam, now: datetime) -> Team:
    _require_manager(caller, command.coverage)
    with uow:
        known = people(uow, [m.person_id for m in command.members])
        seats = [Seat(m.role, m.person_id, known[m.person_id]) for m in command.members]
        team = Team.form(command.name, list(command.coverage), seats, now)
        uow.teams.add(team)
        for seat in seats:
            uow.teams.log(team.id, seat.person_id, seat.role, "joined", **_how(caller, now))
        emit_membership(uow, None, team, "formed")
        record_team(uow, caller.person_id, None, team, "formed", now)
        uow.commit()
    log.info("team.formed", team_id=team.id, complete=team.complete)
    return team


def change_team(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team_id: str,
    command: ChangeTeam,
    expected_version: int | None,
    now: datetime,
) -> Team:
    with uow:
        team = _managed(uow, caller, team_id, expected_version)
        _require_manager(caller, command.coverage)
        known = people(uow, team.member_ids)
        changed = team.changed(command.name, list(command.coverage), known)
        _refuse_dropping_households(uow, team, changed)
        uow.teams.save(changed)
        emit_membership(uow, team, changed, "changed")
        record_team(uow, caller.person_id, team, changed, "changed", now)
        uow.commit()
    return changed


def join_team(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team_id: str,
    command: JoinTeam,
    expected_version: int | None,
    now: datetime,
) -> Team:
    role, person_id = command.role, command.person_id
    with uow:
        team = _managed(uow, caller, team_id, expected_version)
        joined = team.join(Seat(role, person_id, uow.people.get(person_id)))
        uow.teams.save(joined)
        uow.teams.log(team.id, person_id, role, "joined", **_how(caller, now))
        emit_membership(uow, team, joined, "joined", person_id, role)
        record_team(uow, caller.person_id, team, joined, "member_joined", now)
        uow.commit()
    log.info("team.joined", team_id=team.id, person_id=person_id, role=role.value)
    return joined


def leave_team(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team_id: str,
    command: LeaveTeam,
    expected_version: int | None,
    now: datetime,
) -> Team:
    with uow:
        team = _managed(uow, caller, team_id, expected_version)
        left = depart(uow, caller, team, command.person_id, command.reason, now)
        uow.commit()
    return left


def depart(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team: Team,
    person_id: str,
    reason: str | None,
    now: datetime,
) -> Team:
    """A member leaves (inside the caller's transaction): the team is incomplete from now on."""
    left, role = team.leave(person_id)
    uow.teams.save(left)
    uow.teams.log(team.id, person_id, role, "left", reason=reason, **_how(caller, now))
    emit_membership(uow, team, left, "left", person_id, role)
    record_team(uow, caller.person_id, team, left, "member_left", now, reason)
    log.info("team.member_left", team_id=team.id, person_id=person_id, role=role.value)
    return left


def get_team(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> Team:
    with uow:
        return found(uow.teams.get(team_id), "team", team_id, lambda t: may_read(caller, t))


def list_teams(uow: TeamsUnitOfWork, caller: Caller, query: ListTeams) -> Page[Team]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = TeamFilter(area=query.area, member=query.member)
    with uow:
        return uow.teams.list(reach, where, query.after, query.limit)


def _managed(
    uow: TeamsUnitOfWork, caller: Caller, team_id: str, expected_version: int | None
) -> Team:
    team = found(uow.teams.get(team_id), "team", team_id, lambda t: may_read(caller, t))
    if not policy.manages(caller, team.coverage):
        raise Forbidden("only supervisors over all of the team's coverage manage it")
    require_version(team.version, expected_version, "team")
    return team


def _require_manager(caller: Caller, coverage: tuple[str, ...]) -> None:
    if not policy.manages(caller, coverage):
        raise Forbidden("only supervisors over all of the coverage manage teams there")


def _refuse_dropping_households(uow: TeamsUnitOfWork, team: Team, changed: Team) -> None:
    dropped = set(team.coverage) - set(changed.coverage)
    if dropped and uow.assignments.any_in(team.id, dropped):
        raise Conflict(
            "households of the team live in a sub-district it would no longer cover",
            [FieldError("coverage", "reassign those households first")],
        )


def _how(caller: Caller, now: datetime) -> dict[str, Any]:
    return {"changed_by": caller.person_id, "changed_at": now}
