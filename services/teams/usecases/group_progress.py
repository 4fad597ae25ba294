"""What occupation groups became: an OTOP product (recorded by supervisors over the village) and
monthly reports of income and operation (recorded by supervisors, coordinators and experts over
the village, who follow the groups up). A second report for a month is refused (409); it is
replaced with PUT and If-Match."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from infra.fiscal import THAILAND
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.domain import policy
from services.teams.domain.group_progress import GroupReport, OtopProduct
from services.teams.domain.groups import OccupationGroup
from services.teams.sammachip_events import GROUP_REPORTED, OTOP_PRODUCT_RECORDED
from services.teams.usecases.audit import record_report
from services.teams.usecases.commands.group_progress import (
    ListGroupReports,
    RecordOtopProduct,
    ReportGroup,
)
from services.teams.usecases.common import found
from services.teams.usecases.groups import may_read

ALREADY = Conflict(
    "the group already reported for this month; replace that report (PUT with If-Match)",
    [FieldError("period", "one report per group and month")],
)


def record_product(
    uow: TeamsUnitOfWork,
    caller: Caller,
    group_id: str,
    command: RecordOtopProduct,
    expected_version: int | None,
    now: datetime,
) -> OccupationGroup:
    with uow:
        group = readable_group(uow, caller, group_id)
        if not policy.manages(caller, [group.village_code]):
            raise Forbidden("only supervisors over the village record its groups' products")
        require_version(group.version, expected_version, "occupation group")
        product = OtopProduct.record(
            command.name, command.category, command.stars, group.otop_product, now
        )
        changed = group.with_product(product)
        uow.groups.save(changed)
        uow.emit(
            OTOP_PRODUCT_RECORDED,
            {"group_id": group.id, "village_code": group.village_code, **product.__dict__},
        )
        uow.commit()
    return changed


def report(
    uow: TeamsUnitOfWork, caller: Caller, group_id: str, command: ReportGroup, now: datetime
) -> GroupReport:
    period = _period(command.period, now)
    with uow, uow.if_taken(ALREADY):
        group = _reporting(uow, caller, group_id)
        if uow.group_reports.get(group.id, period):
            raise ALREADY
        made = GroupReport(
            group.id,
            group.village_code,
            period,
            command.operating,
            command.income_thb,
            command.note,
            caller.person_id,
            now,
        )
        uow.group_reports.add(made)
        record_report(uow, None, made)
        uow.emit(GROUP_REPORTED, _event(made))
        uow.commit()
    return made


def replace_report(
    uow: TeamsUnitOfWork,
    caller: Caller,
    group_id: str,
    command: ReportGroup,
    expected_version: int | None,
    now: datetime,
) -> GroupReport:
    period = _period(command.period, now)
    with uow:
        group = _reporting(uow, caller, group_id)
        earlier = uow.group_reports.get(group.id, period)
        if earlier is None:
            raise NotFound(f"no report of group {group_id} for {period:%Y-%m}")
        require_version(earlier.version, expected_version, "report")
        made = earlier.replaced(
            command.operating, command.income_thb, command.note, caller.person_id, now
        )
        uow.group_reports.save(made)
        record_report(uow, earlier, made)
        uow.emit(GROUP_REPORTED, _event(made))
        uow.commit()
    return made


def list_reports(
    uow: TeamsUnitOfWork, caller: Caller, group_id: str, query: ListGroupReports
) -> Page[GroupReport]:
    with uow:
        group = readable_group(uow, caller, group_id)
        return uow.group_reports.of_group(group.id, query.after, query.limit)


def readable_group(uow: TeamsUnitOfWork, caller: Caller, group_id: str) -> OccupationGroup:
    group = uow.groups.get(group_id)
    return found(group, "occupation group", group_id, lambda g: may_read(caller, g))


def _reporting(uow: TeamsUnitOfWork, caller: Caller, group_id: str) -> OccupationGroup:
    group = readable_group(uow, caller, group_id)
    if not policy.assigns(caller, group.village_code):
        raise Forbidden("only supervisors, coordinators and experts over the village report")
    return group


def _period(period: date, now: datetime) -> date:
    this_month = now.astimezone(THAILAND).date().replace(day=1)
    if period > this_month:
        raise ValidationFailed.on("period", "a month that has begun (not after the current one)")
    return period


def _event(made: GroupReport) -> dict[str, Any]:
    return {
        "group_id": made.group_id,
        "village_code": made.village_code,
        "period": made.period,
        "operating": made.operating,
        "income_thb": made.income,
        "reported_at": made.reported_at,
        "version": made.version,
    }
