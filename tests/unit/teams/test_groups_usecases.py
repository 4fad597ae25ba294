"""Occupation group use cases with the fake unit of work: forming from trained households,
members joining, registration, what groups became (OTOP product, monthly reports), lists."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.households import KnownHousehold
from services.teams.usecases import group_progress, groups
from services.teams.usecases.commands.group_progress import (
    ListGroupReports,
    RecordOtopProduct,
    ReportGroup,
)
from services.teams.usecases.commands.groups import (
    AddGroupMembers,
    FormGroup,
    ListGroups,
    RegisterGroup,
)
from tests.unit.teams.factories import NOW, VILLAGE, caller
from tests.unit.teams.fakes import FakeUnitOfWork

SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="supervisor")
COORDINATOR = caller(Role.SUBDISTRICT_COORDINATOR, [VILLAGE[:6]], pid="coordinator")
TRAINED, ALSO_TRAINED, UNTRAINED = (str(uuid.uuid4()) for _ in range(3))
NOVEMBER = ReportGroup(date(2026, 11, 1), True, Decimal("4500.50"))


def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork().given(
        *(KnownHousehold(h, VILLAGE) for h in (TRAINED, ALSO_TRAINED, UNTRAINED))
    )
    uow.trainings.entries = [
        {"household_id": h, "occupation": "Basketry"} for h in (TRAINED, ALSO_TRAINED)
    ]
    return uow


def formed(uow: FakeUnitOfWork):
    command = FormGroup("Basket makers", "basketry ", VILLAGE, (TRAINED,))
    return groups.form_group(uow, SUPERVISOR, command, NOW)


def test_a_group_takes_households_trained_in_its_occupation():
    uow = world()
    group = formed(uow)
    assert uow.groups.get(group.id).members == (TRAINED,)
    with pytest.raises(ValidationFailed) as failure:
        groups.join_group(uow, SUPERVISOR, group.id, AddGroupMembers((UNTRAINED,)), 1)
    assert [e.field for e in failure.value.errors] == ["members.0"]
    joined = groups.join_group(uow, SUPERVISOR, group.id, AddGroupMembers((ALSO_TRAINED,)), 1)
    assert joined.members == (TRAINED, ALSO_TRAINED) and joined.version == 2


def test_registration_needs_the_groups_version_and_a_supervisor():
    uow = world()
    group = formed(uow)
    registration = RegisterGroup("OTOP-24-001", date(2027, 1, 5))
    with pytest.raises(Forbidden):
        groups.register_group(uow, COORDINATOR, group.id, registration, 1)
    with pytest.raises(PreconditionFailed):
        groups.register_group(uow, SUPERVISOR, group.id, registration, 2)
    registered = groups.register_group(uow, SUPERVISOR, group.id, registration, 1)
    assert uow.groups.get(group.id).registration_number == "OTOP-24-001" and registered.registered


def test_a_product_is_recorded_with_the_groups_version_and_announced():
    uow = world()
    group = formed(uow)
    product = RecordOtopProduct("ผ้าบาติก", "textile_and_garment")
    with pytest.raises(Forbidden):
        group_progress.record_product(uow, COORDINATOR, group.id, product, 1, NOW)
    recorded = group_progress.record_product(uow, SUPERVISOR, group.id, product, 1, NOW)
    rated = group_progress.record_product(
        uow, SUPERVISOR, group.id, replace(product, stars=4), 2, NOW
    )
    assert recorded.otop_product.stars is None and rated.otop_product.stars == 4
    events = [d for t, d in uow.published if t == "otop_product_recorded"]
    assert [e["stars"] for e in events] == [None, 4]


def test_a_month_is_reported_once_then_replaced_with_its_version():
    uow = world()
    group = formed(uow)
    made = group_progress.report(uow, COORDINATOR, group.id, NOVEMBER, NOW)
    assert (made.income, made.reported_by) == (Decimal("4500.50"), "coordinator")
    with pytest.raises(Conflict):
        group_progress.report(uow, COORDINATOR, group.id, NOVEMBER, NOW)
    stopped = replace(NOVEMBER, operating=False, income_thb=Decimal("0"))
    with pytest.raises(PreconditionFailed):
        group_progress.replace_report(uow, COORDINATOR, group.id, stopped, 2, NOW)
    replaced = group_progress.replace_report(uow, COORDINATOR, group.id, stopped, 1, NOW)
    assert not replaced.operating and replaced.version == 2
    listed = group_progress.list_reports(uow, SUPERVISOR, group.id, ListGroupReports())
    assert listed.items == [replaced]
    events = [d for t, d in uow.published if t == "occupation_group_reported"]
    assert [(e["income_thb"], e["version"]) for e in events] == [("4500.50", 1), ("0.00", 2)]


def test_a_month_to_come_or_a_group_out_of_reach_is_refused():
    uow = world()
    group = formed(uow)
    december = replace(NOVEMBER, period=date(2026, 12, 1))
    with pytest.raises(ValidationFailed):
        group_progress.report(
            uow, COORDINATOR, group.id, december, datetime(2026, 11, 30, tzinfo=UTC)
        )
    stranger = caller(Role.DISTRICT_SUPERVISOR, ["2402"])
    with pytest.raises(NotFound):
        group_progress.replace_report(uow, stranger, group.id, NOVEMBER, None, NOW)
    assert uow.published == []


def test_a_list_is_read_within_the_callers_reach_and_filter():
    uow = world()
    group = formed(uow)
    assert groups.list_groups(uow, SUPERVISOR, ListGroups("c", 7, VILLAGE)).items == [group]
    reach, where, after, limit = uow.groups.asked
    assert (reach.areas, where.area, after, limit) == (("2401",), VILLAGE, "c", 7)
