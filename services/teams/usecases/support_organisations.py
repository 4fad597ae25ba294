"""Support organisations (D6): register, change, read and list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, ValidationFailed
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.support_organisations import OrganisationFilter
from services.teams.domain import policy
from services.teams.domain.support_organisations import Organisation
from services.teams.usecases.commands.support_organisations import (
    ChangeOrganisation,
    ListOrganisations,
    RegisterOrganisation,
)
from services.teams.usecases.common import found

TAKEN = Conflict(
    "the district already has an organisation of this kind",
    [FieldError("kind", "one organisation of each kind per district")],
)


def may_read(caller: Caller, org: Organisation) -> bool:
    return policy.reads_area(caller, [org.district_code]) or caller.person_id in org.reporters


def may_report(caller: Caller, org: Organisation) -> bool:
    return policy.manages(caller, [org.district_code]) or caller.person_id in org.reporters


def register_organisation(
    uow: TeamsUnitOfWork, caller: Caller, command: RegisterOrganisation, now: datetime
) -> Organisation:
    if not policy.manages(caller, [command.district_code]):
        raise Forbidden("only supervisors over the district register its organisations")
    given = list(command.reporters)
    org = Organisation.register(command.kind, command.district_code, command.name, given, now)
    with uow, uow.if_taken(TAKEN):
        _check_reporters(uow, given)
        if uow.organisations.taken(org.kind, org.district_code):
            raise TAKEN
        uow.organisations.add(org)
        uow.commit()
    return org


def change_organisation(
    uow: TeamsUnitOfWork,
    caller: Caller,
    org_id: str,
    command: ChangeOrganisation,
    expected_version: int | None,
) -> Organisation:
    given = list(command.reporters)
    with uow:
        org = managed(uow, caller, org_id, expected_version)
        _check_reporters(uow, given)
        changed = org.changed(command.name, given)
        uow.organisations.save(changed)
        uow.commit()
    return changed


def get_organisation(uow: TeamsUnitOfWork, caller: Caller, org_id: str) -> dict[str, Any]:
    with uow:
        org = found(
            uow.organisations.get(org_id), "organisation", org_id, lambda o: may_read(caller, o)
        )
        return {"organisation": org, "plans": uow.plans.plans_of(org.id)}


def list_organisations(
    uow: TeamsUnitOfWork, caller: Caller, query: ListOrganisations
) -> Page[Organisation]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = OrganisationFilter(area=query.area, kind=query.kind)
    with uow:
        return uow.organisations.list(reach, where, query.after, query.limit)


def managed(
    uow: TeamsUnitOfWork, caller: Caller, org_id: str, expected_version: int | None
) -> Organisation:
    org = found(
        uow.organisations.get(org_id), "organisation", org_id, lambda o: may_read(caller, o)
    )
    if not policy.manages(caller, [org.district_code]):
        raise Forbidden("only supervisors over the district manage its organisations")
    require_version(org.version, expected_version, "organisation")
    return org


def _check_reporters(uow: TeamsUnitOfWork, person_ids: list[str]) -> None:
    problems = []
    for i, person_id in enumerate(person_ids):
        person = uow.people.get(person_id)
        if person is None or not person.active:
            problems.append(FieldError(f"reporters.{i}", "no such active person"))
    if problems:
        raise ValidationFailed("the reporters are not valid", problems)
