"""The teams audit trail with the fake unit of work: one entry per change of a team, an
assignment or a person (old and new values, the reason given), none for a refused change, the
histories read by whoever may read the object, and personal data masked for other readers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from infra.audit_reads import AuditSearch
from infra.caller import SMILE_TEAM_ROLES, Role
from infra.errors import NotFound, ValidationFailed
from services.teams.domain.households import KnownHousehold
from services.teams.entrypoints.audit import for_reader
from services.teams.usecases import assignments, history, people, teams
from services.teams.usecases.commands.assignments import AssignHousehold, ReassignHousehold
from services.teams.usecases.commands.people import RegisterPerson, UpdatePerson
from services.teams.usecases.commands.teams import FormTeam, LeaveTeam, TeamSeat
from tests.unit.teams.factories import NOW, TAMBON, VILLAGE, caller, coordinator, expert, leader
from tests.unit.teams.fakes import FakeUnitOfWork

ADMIN = caller(Role.ADMINISTRATOR, [], pid="admin")
SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="supervisor")
ELSEWHERE = caller(Role.DISTRICT_SUPERVISOR, ["2402"], pid="elsewhere")
LATER = NOW + timedelta(hours=1)
NID = "1101700230708"
H1 = "6c1f3a52-0d55-4f7e-9a51-0a2f7d4c8e11"
SOMSRI = RegisterPerson(
    "somsri", "Somsri", (Role.SUBDISTRICT_COORDINATOR,), (TAMBON,), phone="0812345678"
)


def formed(name: str = "Smile 1", uow: FakeUnitOfWork | None = None) -> tuple[FakeUnitOfWork, str]:
    tag = name[-1]
    trio = [leader(pid=f"vl{tag}"), coordinator(pid=f"co{tag}"), expert(pid=f"ex{tag}")]
    uow = (uow or FakeUnitOfWork().given(KnownHousehold(H1, VILLAGE))).given(*trio)
    seats = tuple(TeamSeat(r, p.id) for r, p in zip(SMILE_TEAM_ROLES, trio, strict=True))
    team = teams.form_team(uow, SUPERVISOR, FormTeam(name, (TAMBON,), seats), NOW)
    return uow, team.id


def test_a_team_records_its_forming_and_a_departure_with_the_reason() -> None:
    uow, team_id = formed()
    teams.leave_team(uow, SUPERVISOR, team_id, LeaveTeam("vl1", "moved away"), 1, LATER)

    latest, first = history.team_history(uow, SUPERVISOR, team_id, None, 50).items
    assert (first.action, first.actor_id, first.area_code) == ("formed", "supervisor", "24010100")
    assert first.changes["name"] == [None, "Smile 1"]
    assert (latest.action, latest.reason, latest.at) == ("member_left", "moved away", LATER)
    assert latest.changes["members"][0]["volunteer_leader"] == "vl1"
    with pytest.raises(NotFound):
        history.team_history(uow, ELSEWHERE, team_id, None, 50)


def test_an_assignment_and_a_reassignment_are_recorded_with_the_reason() -> None:
    uow, team_id = formed()
    _, other = formed("Smile 2", uow)
    assignments.assign(uow, SUPERVISOR, AssignHousehold(H1, team_id), NOW)
    assignments.reassign(uow, SUPERVISOR, H1, ReassignHousehold(other, " busy "), 1, LATER)

    found = [e for e in uow.audit.entries if e.object_type == "assignment"]
    assert [(e.action, e.object_id, e.reason) for e in found] == [
        ("assigned", H1, None),
        ("reassigned", H1, "busy"),
    ]
    assert found[1].changes == {"team_id": [team_id, other]}


def test_a_person_correction_keeps_the_reason_and_reads_masked_for_others() -> None:
    uow = FakeUnitOfWork()
    person = people.register_person(uow, ADMIN, replace(SOMSRI, national_id=NID), NOW)
    kept = {k: v for k, v in vars(SOMSRI).items() if k != "password"}
    fixed = UpdatePerson(**{**kept, "national_id": NID, "phone": "0899999999", "reason": "typo"})
    people.update_person(uow, ADMIN, person.id, fixed, 1, LATER)

    found = history.person_history(uow, ADMIN, person.id, None, 50)
    assert found.items[0].reason == "typo"
    assert found.items[0].changes == {"phone": ["+66812345678", "+66899999999"]}
    registered = for_reader(found, SUPERVISOR).items[1].changes
    assert registered["national_id"] == [None, "x-xxxx-xxxxx-70-8"]
    assert registered["phone"] == [None, "+66812345678"]  # as the person read shows it
    assert for_reader(found, ADMIN).items[1].changes["national_id"] == [None, NID]


def test_a_refused_correction_records_nothing() -> None:
    uow = FakeUnitOfWork()
    person = people.register_person(uow, ADMIN, SOMSRI, NOW)
    kept = {k: v for k, v in vars(SOMSRI).items() if k != "password"}
    with pytest.raises(ValidationFailed):
        people.update_person(uow, ADMIN, person.id, UpdatePerson(**{**kept, "phone": None}), 1, NOW)
    assert [e.action for e in uow.audit.entries] == ["registered"]


def test_the_search_finds_the_area_and_period_and_is_for_supervisors() -> None:
    uow, team_id = formed()
    november = AuditSearch("240101", date(2026, 11, 1), date(2026, 11, 30))
    found = history.search_audit(uow, SUPERVISOR, november, date(2026, 12, 1)).items
    assert [(e.object_type, e.object_id) for e in found] == [("team", team_id)]
    only_people = replace(november, object_type="person")
    assert history.search_audit(uow, SUPERVISOR, only_people, date(2026, 12, 1)).items == []
    with pytest.raises(NotFound):
        history.search_audit(uow, SUPERVISOR, AuditSearch("2402"), date(2026, 12, 1))
