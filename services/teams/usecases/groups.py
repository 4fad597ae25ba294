"""Occupation groups: formed by supervisors from trained households of a village."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.errors import Forbidden
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.groups import GroupFilter
from services.teams.domain import policy
from services.teams.domain.groups import OccupationGroup, Trained
from services.teams.usecases.commands.groups import (
    AddGroupMembers,
    FormGroup,
    ListGroups,
    RegisterGroup,
)
from services.teams.usecases.common import found


def may_read(caller: Caller, group: OccupationGroup) -> bool:
    return policy.reads_area(caller, [group.village_code])


def form_group(
    uow: TeamsUnitOfWork, caller: Caller, command: FormGroup, now: datetime
) -> OccupationGroup:
    if not policy.manages(caller, [command.village_code]):
        raise Forbidden("only supervisors over the village form its occupation groups")
    members = list(command.members)
    with uow:
        group = OccupationGroup.form(
            command.name,
            command.occupation,
            command.village_code,
            members,
            _trained(uow, members),
            now,
        )
        uow.groups.add(group)
        uow.commit()
    return group


def join_group(
    uow: TeamsUnitOfWork,
    caller: Caller,
    group_id: str,
    command: AddGroupMembers,
    expected_version: int | None,
) -> OccupationGroup:
    households = list(command.members)
    with uow:
        group = _managed(uow, caller, group_id, expected_version)
        joined = group.join(households, _trained(uow, households))
        uow.groups.save(joined)
        uow.commit()
    return joined


def register_group(
    uow: TeamsUnitOfWork,
    caller: Caller,
    group_id: str,
    command: RegisterGroup,
    expected_version: int | None,
) -> OccupationGroup:
    with uow:
        group = _managed(uow, caller, group_id, expected_version)
        registered = group.register(command.registration_number, command.registered_on)
        uow.groups.save(registered)
        uow.commit()
    return registered


def get_group(uow: TeamsUnitOfWork, caller: Caller, group_id: str) -> OccupationGroup:
    with uow:
        group = uow.groups.get(group_id)
    return found(group, "occupation group", group_id, lambda g: may_read(caller, g))


def list_groups(uow: TeamsUnitOfWork, caller: Caller, query: ListGroups) -> Page[OccupationGroup]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = GroupFilter(area=query.area)
    with uow:
        return uow.groups.list(reach, where, query.after, query.limit)


def _managed(
    uow: TeamsUnitOfWork, caller: Caller, group_id: str, expected_version: int | None
) -> OccupationGroup:
    group = found(
        uow.groups.get(group_id), "occupation group", group_id, lambda g: may_read(caller, g)
    )
    if not policy.manages(caller, [group.village_code]):
        raise Forbidden("only supervisors over the village change its occupation groups")
    require_version(group.version, expected_version, "occupation group")
    return group


def _trained(uow: TeamsUnitOfWork, households: list[str]) -> dict[str, Trained]:
    known = uow.households.many(households)
    occupations = uow.trainings.occupations_of(households)
    return {
        h: Trained(known[h].village_code, frozenset(occupations.get(h, ())))
        for h in households
        if h in known
    }
