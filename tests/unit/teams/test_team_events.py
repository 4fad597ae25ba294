"""The team events, checked against their published contracts as they are emitted."""

from infra.caller import Role
from services.teams.domain.team import Team
from services.teams.usecases.team_events import emit_membership
from tests.unit.teams.factories import NOW, TAMBON, expert, full_team, leader, seat


class RecordingUnitOfWork:
    def __init__(self):
        self.emitted = []

    def emit(self, contract, data):
        self.emitted.append((contract.event_type, contract.serialise(data)))


def emitted(before, after, change, *who):
    uow = RecordingUnitOfWork()
    emit_membership(uow, before, after, change, *who)
    return uow.emitted


def test_forming_an_incomplete_team_announces_only_the_membership():
    forming = Team.form("Smile", [TAMBON], [seat(Role.VOLUNTEER_LEADER, leader())], NOW)
    (event,) = emitted(None, forming, "formed")
    assert event[0] == "team_membership_changed"
    assert event[1]["members"] == {
        "volunteer_leader": "vl",
        "subdistrict_coordinator": None,
        "district_expert": None,
    }
    assert event[1]["complete"] is False and event[1]["change"] == "formed"


def test_completing_a_team_announces_it_once():
    team = full_team()
    left, _ = team.leave("ex")
    rejoined = left.join(seat(Role.DISTRICT_EXPERT, expert(pid="ex2")))
    types = [t for t, _ in emitted(left, rejoined, "joined", "ex2", Role.DISTRICT_EXPERT)]
    assert types == ["team_membership_changed", "team_completed"]
    assert [t for t, _ in emitted(rejoined, rejoined, "changed")] == ["team_membership_changed"]


def test_a_member_leaving_tells_supervisors_what_is_missing():
    team = full_team()
    left, role = team.leave("co")
    events = dict(emitted(team, left, "left", "co", role))
    assert events["team_incomplete"] == {
        "team_id": team.id,
        "team_name": "Smile 1",
        "coverage": [TAMBON],
        "missing_roles": ["subdistrict_coordinator"],
    }
    assert events["team_membership_changed"]["person_id"] == "co"
    assert events["team_membership_changed"]["role"] == "subdistrict_coordinator"
