from datetime import date

import pytest

from infra.errors import Conflict, ValidationFailed
from services.teams.domain.support_organisations import ActionPlan, Organisation, Task
from services.teams.vocabulary import PHASES
from tests.unit.teams.factories import NOW


def plan():
    return ActionPlan("org", 2027, "Support village trainer teams", NOW)


def task(due=date(2027, 3, 31)):
    return Task("Meet the trainer teams", due, None, NOW)


def test_the_four_kinds_in_a_district():
    org = Organisation.register("volunteer_club", "2401", "ชมรม อช. เมืองฉะเชิงเทรา", ["p", "p"], NOW)
    assert org.reporters == ("p",)
    with pytest.raises(ValidationFailed) as failure:
        Organisation.register("book_club", "240101", " ", [], NOW)
    assert {e.field for e in failure.value.errors} == {"kind", "district_code", "name"}


def test_a_plan_moves_through_the_phases_in_order():
    current = plan().add_task(task())
    for phase in PHASES[1:]:
        current = current.advance(phase, "done well" if phase == "summarise" else None)
    assert current.phase == "summarise" and current.summary == "done well"
    assert current.next_phase is None


def test_skipping_or_going_back_is_a_conflict_saying_what_is_allowed():
    with pytest.raises(Conflict) as failure:
        plan().advance("execute", None)
    assert failure.value.extra["allowed"] == ["plan"]


def test_execution_needs_tasks_and_the_summary_needs_words():
    planned = plan().advance("plan", None)
    with pytest.raises(Conflict) as failure:
        planned.advance("execute", None)
    assert [e.field for e in failure.value.errors] == ["tasks"]
    monitored = planned.add_task(task()).advance("execute", None).advance("monitor_evaluate", None)
    with pytest.raises(ValidationFailed) as failure:
        monitored.advance("summarise", "  ")
    assert [e.field for e in failure.value.errors] == ["summary"]


def test_progress_reports_and_overdue_tasks():
    one = task(due=date(2027, 1, 10))
    current = plan().add_task(one).reported(one.id, 40)
    assert current.task(one.id).progress == 40 and current.version == 3
    assert current.task(one.id).overdue(date(2027, 1, 11))
    assert not current.reported(one.id, 100).task(one.id).overdue(date(2027, 1, 11))


def test_a_summarised_plan_no_longer_changes():
    current = plan().add_task(task())
    for phase in PHASES[1:]:
        current = current.advance(phase, "summary")
    with pytest.raises(Conflict):
        current.add_task(task())
    with pytest.raises(Conflict):
        current.reported(current.tasks[0].id, 100)
