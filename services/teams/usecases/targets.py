"""Sammachip fiscal-year targets: set by an administrator or the provincial supervisor over the
area (a district's targets too: the province hands them down; the district supervisor reads them
but does not grade their own work), read by anyone who reads the area."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller, Role
from infra.errors import Conflict, FieldError, Forbidden, NotFound
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.domain import policy
from services.teams.domain.targets import Targets
from services.teams.sammachip_events import SAMMACHIP_TARGETS_SET
from services.teams.usecases.commands.targets import SetTargets, TargetKey

REPLACING_NEEDS_VERSION = Conflict(
    "targets are already set for this area and year; send If-Match with their ETag to replace them",
    [FieldError("If-Match", "needed to replace targets")],
)


def sets_targets(caller: Caller, area_code: str) -> bool:
    return caller.is_admin or (
        Role.PROVINCIAL_SUPERVISOR in caller.roles and caller.covers(area_code)
    )


def set_targets(
    uow: TeamsUnitOfWork,
    caller: Caller,
    key: TargetKey,
    command: SetTargets,
    expected_version: int | None,
    now: datetime,
) -> tuple[Targets, bool]:
    """The targets and whether they were set for the first time."""
    area, year = key.area_code, key.fiscal_year
    if not sets_targets(caller, area):
        _refuse(caller, area)
    with uow, uow.if_taken(REPLACING_NEEDS_VERSION):
        earlier = uow.targets.get(area, year)
        if earlier is None:
            targets = Targets.set(area, year, command.values, caller.person_id, now)
            uow.targets.add(targets)
        else:
            if expected_version is None:
                raise REPLACING_NEEDS_VERSION
            require_version(earlier.version, expected_version, "targets")
            targets = earlier.replaced(command.values, caller.person_id, now)
            uow.targets.save(targets)
        uow.emit(SAMMACHIP_TARGETS_SET, _event(targets))
        uow.commit()
    return targets, earlier is None


def get_targets(uow: TeamsUnitOfWork, caller: Caller, key: TargetKey) -> Targets:
    area, year = key.area_code, key.fiscal_year
    with uow:
        targets = uow.targets.get(area, year) if policy.reads_area(caller, [area]) else None
    if targets is None:
        raise NotFound(f"no Sammachip targets for {area} in {year}")
    return targets


def _refuse(caller: Caller, area: str) -> None:
    if policy.reads_area(caller, [area]):
        raise Forbidden("targets are set by an administrator or the provincial supervisor")
    raise NotFound(f"area {area} not found")


def _event(targets: Targets) -> dict[str, Any]:
    return {
        "area_code": targets.area_code,
        "fiscal_year": targets.fiscal_year,
        "targets": targets.values,
        "set_by": targets.set_by,
        "set_at": targets.set_at,
        "version": targets.version,
    }
