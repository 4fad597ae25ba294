"""Around a cohort: a selected household's willingness (no: it leaves the cohort), follow-ups
before, during and after training (late ones announced once), results 3 and 6 months on."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from infra.caller import Caller
from infra.errors import NotFound
from infra.logs import get_logger
from infra.versions import require_version
from services.teams.cohort_care_events import FOLLOW_UP_DONE, FOLLOW_UP_OVERDUE, RESULT_RECORDED
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.cohort import Cohort
from services.teams.domain.cohort_care import (
    AFTER,
    FollowUp,
    LateFollowUp,
    TrainingResult,
    Willingness,
    after_training_due,
    check_result,
    record_willingness,
    same_result,
    thai_today,
)
from services.teams.settings import Settings
from services.teams.usecases.cohorts import recordable_cohort
from services.teams.usecases.commands.cohort_care import (
    FollowUpDone,
    PlanFollowUp,
    RecordResult,
    RecordWillingness,
)
from services.teams.usecases.trainers import may_read

log = get_logger(__name__)


def record_willingness_of(
    uow: TeamsUnitOfWork,
    caller: Caller,
    cohort_id: str,
    household_id: str,
    command: RecordWillingness,
    expected_version: int | None,
    now: datetime,
) -> Cohort:
    with uow:
        cohort, team = recordable_cohort(uow, caller, cohort_id, expected_version)
        answer = Willingness(
            cohort.id,
            household_id,
            command.willing,
            command.asked_by or caller.person_id,
            command.asked_on,
            caller.person_id,
            now,
        )
        changed = record_willingness(cohort, answer, {*team.member_ids, caller.person_id})
        uow.cohorts.save(changed)
        uow.cohort_care.answer(answer)
        uow.commit()
    return changed


def plan_follow_up(
    uow: TeamsUnitOfWork, caller: Caller, cohort_id: str, command: PlanFollowUp, now: datetime
) -> FollowUp:
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, None)
        follow_up = FollowUp.plan(
            cohort,
            command.phase,
            command.planned_on,
            command.done_on,
            command.note,
            caller.person_id,
            now,
        )
        uow.cohort_care.add_follow_up(follow_up)
        if follow_up.done_on is not None:
            uow.emit(FOLLOW_UP_DONE, _done_event(cohort, follow_up))
        uow.commit()
    return follow_up


def record_follow_up_done(
    uow: TeamsUnitOfWork,
    caller: Caller,
    cohort_id: str,
    follow_up_id: str,
    command: FollowUpDone,
    expected_version: int | None,
    now: datetime,
) -> FollowUp:
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, None)
        stored = _follow_up(uow, cohort, follow_up_id)
        require_version(stored.version, expected_version, "follow-up")
        done = stored.done(command.done_on, command.note, caller.person_id, now)
        uow.cohort_care.save_follow_up(done)
        uow.emit(FOLLOW_UP_DONE, _done_event(cohort, done))
        uow.commit()
    return done


def record_result(
    uow: TeamsUnitOfWork, caller: Caller, cohort_id: str, command: RecordResult, now: datetime
) -> tuple[TrainingResult, bool]:
    """The result and whether it is new (a resend of the same values answers the stored one)."""
    given = TrainingResult(
        cohort_id,
        command.household_id,
        command.months,
        " ".join(command.occupation.split()),
        command.income_earned_thb,
        command.costs_cut_thb,
        caller.person_id,
        now,
    )
    with uow:
        cohort, _ = recordable_cohort(uow, caller, cohort_id, None, completed=True)
        stored = uow.cohort_care.result(cohort.id, given.household_id, given.months)
        if stored is not None:
            return same_result(stored, given), False
        check_result(cohort, uow.trainings.finished(cohort.id), given, thai_today(now))
        uow.cohort_care.add_result(given, cohort.village_code)
        uow.emit(RESULT_RECORDED, _result_event(cohort, given))
        uow.commit()
    return given, True


def care_view(uow: TeamsUnitOfWork, caller: Caller, cohort_id: str) -> dict[str, Any]:
    """The cohort's willingness answers, follow-ups and results, for those who may read it."""
    with uow:
        cohort = readable_cohort(uow, caller, cohort_id)
        return {
            "cohort_id": cohort.id,
            "willingness": list(uow.cohort_care.answers(cohort.id).values()),
            "follow_ups": uow.cohort_care.follow_ups(cohort.id),
            "results": uow.cohort_care.results(cohort.id),
        }


def follow_up_view(
    uow: TeamsUnitOfWork, caller: Caller, cohort_id: str, follow_up_id: str
) -> FollowUp:
    with uow:
        return _follow_up(uow, readable_cohort(uow, caller, cohort_id), follow_up_id)


def announce_late_follow_ups(
    uow: TeamsUnitOfWork, settings: Settings, today: date, now: datetime, batch: int = 200
) -> int:
    """Publish `cohort_follow_up_overdue` once per late follow-up and per cohort left without a
    follow-up after training, however often and wherever this runs."""
    with uow:
        late = _late(uow, settings, today, batch)
        announced = [
            item
            for item in late
            if uow.cohort_care.announce(item.subject_id, item.cohort.id, item.due_on, now)
        ]
        for item in announced:
            uow.emit(FOLLOW_UP_OVERDUE, _overdue_event(item, now))
        uow.commit()
    if announced:
        log.info("cohort_follow_ups.overdue_announced", count=len(announced))
    return len(announced)


def _late(uow: TeamsUnitOfWork, settings: Settings, today: date, batch: int) -> list[LateFollowUp]:
    days = settings.follow_up_after_training_days
    planned = uow.cohort_care.late_planned(today, batch)
    bare = uow.cohort_care.without_after_follow_up(today, days, batch)
    cohorts = {c: uow.cohorts.get(c) for c in {*bare, *(row.cohort_id for row in planned)}}
    late = [
        LateFollowUp(row.id, cohort, row.phase, row.planned_on, row.id)
        for row in planned
        if (cohort := cohorts[row.cohort_id])
    ]
    for cohort_id in bare:
        if (cohort := cohorts[cohort_id]) and (due := after_training_due(cohort, days)):
            late.append(LateFollowUp(cohort.id, cohort, AFTER, due))
    return late


def readable_cohort(uow: TeamsUnitOfWork, caller: Caller, cohort_id: str) -> Cohort:
    cohort = uow.cohorts.get(cohort_id)
    team = uow.trainer_teams.get(cohort.trainer_team_id) if cohort else None
    if cohort is None or team is None or not may_read(caller, team):
        raise NotFound(f"cohort {cohort_id} not found")
    return cohort


def _follow_up(uow: TeamsUnitOfWork, cohort: Cohort, follow_up_id: str) -> FollowUp:
    found = [f for f in uow.cohort_care.follow_ups(cohort.id) if f.id == follow_up_id]
    if not found:
        raise NotFound(f"follow-up {follow_up_id} not found")
    return found[0]


def _done_event(cohort: Cohort, follow_up: FollowUp) -> dict[str, Any]:
    return {
        "cohort_id": cohort.id,
        "follow_up_id": follow_up.id,
        "village_code": cohort.village_code,
        "phase": follow_up.phase,
        "done_on": follow_up.done_on,
    }


def _overdue_event(item: LateFollowUp, now: datetime) -> dict[str, Any]:
    return {
        "subject_id": item.subject_id,
        "cohort_id": item.cohort.id,
        "follow_up_id": item.follow_up_id,
        "village_code": item.cohort.village_code,
        "occupation": item.cohort.occupation,
        "phase": item.phase,
        "due_on": item.due_on,
        "detected_at": now,
    }


def _result_event(cohort: Cohort, result: TrainingResult) -> dict[str, Any]:
    return {
        "cohort_id": cohort.id,
        "household_id": result.household_id,
        "village_code": cohort.village_code,
        "months": result.months,
        "occupation": result.occupation,
        "recorded_at": result.recorded_at,
    }
