from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, ValidationFailed
from services.teams.domain.cohort import Cohort, occupation_key
from services.teams.domain.groups import OccupationGroup, Trained
from services.teams.domain.trainers import Sage, TrainerTeam
from tests.unit.teams.factories import NOW, VILLAGE, person

COURSE = date(2026, 6, 1)


def sage(pid, lead=False, area=VILLAGE):
    return Sage(pid, lead, COURSE if lead else None), person(Role.TRAINER, [area], pid=pid)


def ready_team():
    sages = [sage("s0", lead=True), *(sage(f"s{i}") for i in range(1, 5))]
    return TrainerTeam.form(VILLAGE, "Ban Nong Khrop trainers", sages, NOW)


def fields_of(failure):
    return [e.field for e in failure.value.errors]


def test_five_sages_with_one_trained_lead_make_a_ready_team():
    team = ready_team()
    assert team.ready and team.status == "ready" and team.lead.person_id == "s0"
    forming = TrainerTeam.form(VILLAGE, "Forming", [sage("s0", lead=True)], NOW)
    assert forming.status == "forming"
    assert not TrainerTeam.form(VILLAGE, "No lead", [sage(f"s{i}") for i in range(5)], NOW).ready


def test_a_sixth_sage_a_second_lead_or_a_lead_without_the_course_are_refused():
    with pytest.raises(Conflict):
        ready_team().join(*sage("s5"))
    with pytest.raises(ValidationFailed) as failure:
        TrainerTeam.form(VILLAGE, "T", [sage("a", lead=True), sage("b", lead=True)], NOW)
    assert fields_of(failure) == ["members.1.lead"]
    with pytest.raises(ValidationFailed) as failure:
        TrainerTeam.form(VILLAGE, "T", [(Sage("a", lead=True), sage("a")[1])], NOW)
    assert fields_of(failure) == ["members.0.lead_trained_on"]


def test_sages_are_trainers_of_the_village():
    outsider = (Sage("x"), person(Role.TRAINER, ["24010201"], pid="x"))
    not_trainer = (Sage("y"), person(Role.VOLUNTEER_LEADER, [VILLAGE], pid="y"))
    with pytest.raises(ValidationFailed) as failure:
        TrainerTeam.form(VILLAGE, "T", [outsider, not_trainer, (Sage("z"), None)], NOW)
    messages = [e.message for e in failure.value.errors]
    assert "outside the village" in messages[0] and "role trainer" in messages[1]
    assert messages[2] == "no such person"


def cohort(size=3, team=None):
    households = [f"h{i}" for i in range(size)]
    villages = dict.fromkeys(households, VILLAGE)
    return Cohort.open(team or ready_team(), "Basketry", households, villages, 30, NOW)


def test_a_cohort_of_two_hundred_is_refused_naming_households():
    households = [f"h{i}" for i in range(200)]
    with pytest.raises(ValidationFailed) as failure:
        Cohort.open(
            ready_team(), "Basketry", households, dict.fromkeys(households, VILLAGE), 30, NOW
        )
    assert fields_of(failure) == ["households"] and "at most 30" in failure.value.errors[0].message


def test_cohort_households_are_known_households_of_the_village_given_once():
    villages = {"h0": VILLAGE, "h1": "24010102"}
    with pytest.raises(ValidationFailed) as failure:
        Cohort.open(ready_team(), "Basketry", ["h0", "h1", "h2", "h0"], villages, 30, NOW)
    assert fields_of(failure) == ["households.1", "households.2", "households.3"]


def test_a_forming_trainer_team_opens_no_cohort():
    forming = TrainerTeam.form(VILLAGE, "Forming", [sage("s0", lead=True)], NOW)
    with pytest.raises(Conflict) as failure:
        cohort(team=forming)
    assert fields_of(failure) == ["trainer_team_id"]


def test_enrolment_keeps_the_size_limit():
    group = cohort(size=29)
    assert len(group.enrol(["h29"], {"h29": VILLAGE}, 30).households) == 30
    with pytest.raises(ValidationFailed):
        group.enrol(["h29", "h30"], {"h29": VILLAGE, "h30": VILLAGE}, 30)


def test_attendance_names_households_not_in_the_cohort():
    problems = cohort().attendance_problems(["h0", "stranger"])
    assert [p.field for p in problems] == ["attendance.1.household_id"]


def test_completion_defaults_to_those_who_attended_and_happens_once():
    completed, finished = cohort().complete(None, {"h0", "h2"}, NOW)
    assert finished == ["h0", "h2"] and completed.status == "completed"
    assert completed.completed_at == NOW
    with pytest.raises(Conflict):
        completed.complete(None, {"h0"}, NOW)
    with pytest.raises(Conflict):
        completed.recorded()


def test_only_households_that_attended_complete():
    with pytest.raises(ValidationFailed) as failure:
        cohort().complete(["h0", "h1", "zz"], {"h0"}, NOW)
    assert fields_of(failure) == ["households.1", "households.2"]


def test_occupations_compare_without_case_or_spacing():
    assert occupation_key("  Rice  Cracker ") == occupation_key("rice cracker")


def trained(occupation="basketry", village=VILLAGE):
    return Trained(village, frozenset({occupation_key(occupation)}))


def test_an_occupation_group_takes_households_trained_in_its_occupation():
    known = {"a": trained(), "b": trained("weaving"), "c": trained(village="24010102")}
    group = OccupationGroup.form("Basket makers", "Basketry", VILLAGE, ["a"], known, NOW)
    assert group.members == ("a",) and not group.registered
    with pytest.raises(ValidationFailed) as failure:
        group.join(["b", "c", "a", "unknown"], known)
    assert fields_of(failure) == ["members.0", "members.1", "members.2", "members.3"]
    assert "not completed training" in failure.value.errors[0].message


def test_a_group_registers_once():
    group = OccupationGroup.form("Basket makers", "Basketry", VILLAGE, ["a"], {"a": trained()}, NOW)
    registered = group.register("OTOP-24-001", date(2026, 12, 1))
    assert registered.registered and registered.version == 2
    with pytest.raises(Conflict):
        registered.register("again", date(2026, 12, 2))
