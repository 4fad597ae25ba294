"""The teams audit trail on the migrated database (SQLite and PostgreSQL): entries for a team, a
person and an assignment written in their changes' transactions, read back newest first and
paged, and found by the search of their area and period."""

from dataclasses import replace
from datetime import date, timedelta

from infra.audit_reads import AuditSearch
from infra.caller import Role
from services.teams.usecases import assignments, history, people, teams
from services.teams.usecases.commands.assignments import AssignHousehold
from services.teams.usecases.commands.people import UpdatePerson
from services.teams.usecases.commands.teams import LeaveTeam
from tests.integration.teams.world import ADMIN, NOW, TAMBON, form, known_household, trio

LATER = NOW + timedelta(hours=1)
NOVEMBER = AuditSearch("240101", date(2026, 11, 1), date(2026, 11, 30), limit=200)


def test_team_person_and_assignment_entries_are_read_back_and_searched(uow):
    members = trio(uow)
    team = form(uow, "Smile Audit", [TAMBON], members)
    household_id = known_household(uow)
    assignments.assign(uow, ADMIN, AssignHousehold(household_id, team.id), NOW)
    leader = members[Role.VOLUNTEER_LEADER]
    teams.leave_team(uow, ADMIN, team.id, LeaveTeam(leader.id, "moved away"), 1, LATER)
    profile = leader.profile
    renamed = UpdatePerson(
        profile.username, "Leader B.", tuple(profile.roles), profile.areas, reason="misspelt"
    )
    people.update_person(uow, ADMIN, leader.id, renamed, 1, LATER)

    entries = history.team_history(uow, ADMIN, team.id, None, 1)
    assert [(e.action, e.reason) for e in entries.items] == [("member_left", "moved away")]
    older = history.team_history(uow, ADMIN, team.id, entries.next, 50).items
    assert [e.action for e in older] == ["formed"]
    person = history.person_history(uow, ADMIN, leader.id, None, 50).items
    assert [(e.action, e.reason) for e in person] == [("changed", "misspelt"), ("registered", None)]
    assert person[0].changes == {"display_name": ["Leader", "Leader B."]}

    assigned = history.assignment_history(uow, ADMIN, household_id, None, 50).items
    assert [(e.action, e.object_id) for e in assigned] == [("assigned", household_id)]

    found = history.search_audit(uow, ADMIN, NOVEMBER, date(2026, 12, 1)).items
    assert {e.object_type for e in found} == {"team", "assignment", "person"}
    only = replace(NOVEMBER, object_type="assignment")
    searched = history.search_audit(uow, ADMIN, only, date(2026, 12, 1)).items
    assert [e.object_id for e in searched] == [household_id]
