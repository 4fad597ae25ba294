"""Escalations opened, raised, climbed and closed: by events and by the ladder timer.

Every step is a conditional write (the escalation's version, its unique active key, the unique
notification per step and recipient), so timers in several replicas, or firing twice, change
nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from infra.errors import KeyTaken, PreconditionFailed
from infra.logs import get_logger
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain import params as stored
from services.notifications.domain.directory import Person
from services.notifications.domain.escalation import TOP, Escalation, Level, first_staffed_level
from services.notifications.domain.rules import Open
from services.notifications.domain.templates import level_name, render
from services.notifications.domain.texts import CLOSE_REASONS
from services.notifications.settings import Settings
from services.notifications.usecases.announce import Message, file_for
from services.notifications.usecases.audit import escalation_values, record_escalation

log = get_logger(__name__)
ROLE_OF_LEVEL = {
    Level.DISTRICT_SUPERVISOR: "district_supervisor",
    Level.PROVINCIAL_SUPERVISOR: "provincial_supervisor",
}


def open_or_raise(uow: NotificationsUnitOfWork, action: Open, now: datetime, s: Settings) -> None:
    existing = uow.escalations.active(action.kind, action.subject_id)
    if existing is not None:
        _raise(uow, existing, action, now, s)
        return
    grace = s.grace.get(action.grace, None) if action.grace else None
    escalation = Escalation(
        action.kind,
        action.subject_id,
        action.area_code,
        now + grace if grace else now,
        action.household_id,
        action.team_id,
        stored.to_json(action.params),
    )
    if escalation.due_to_open(now):
        _open(uow, escalation, action.floor, now, s)
    uow.escalations.add(escalation)
    record_escalation(uow, escalation, {}, "created", now)
    log.info("escalation.created", escalation_id=escalation.id, kind=escalation.kind)


def close(
    uow: NotificationsUnitOfWork,
    kind: str,
    subject_id: str,
    event_type: str,
    now: datetime,
    s: Settings,
) -> None:
    escalation = uow.escalations.active(kind, subject_id)
    if escalation is None:
        return
    before = escalation_values(escalation)
    announced = escalation.close(event_type, now)
    uow.escalations.save(escalation)
    record_escalation(uow, escalation, before, "closed", now)
    log.info("escalation.closed", escalation_id=escalation.id, by_event=event_type)
    if announced:
        people = uow.directory.people(uow.escalations.addressees(escalation.id))
        file_for(uow, people, _closed_message(escalation, now), now, s)


def tick(uow: NotificationsUnitOfWork, now: datetime, s: Settings) -> int:
    """Open escalations whose grace has passed; climb those left unacknowledged too long."""
    with uow:
        waiting = uow.escalations.waiting_until(now, s.batch_size)
        climbing = uow.escalations.open_below_top(now - min(s.escalation_limits), s.batch_size)
    steps = [_step(uow, eid, now, s) for eid in [*waiting, *climbing]]
    return sum(steps)


def _step(uow: NotificationsUnitOfWork, escalation_id: str, now: datetime, s: Settings) -> bool:
    with uow:
        escalation = uow.escalations.get(escalation_id)
        if escalation is None:
            return False
        before = escalation_values(escalation)
        if escalation.due_to_open(now):
            _open(uow, escalation, Level.TEAM_EXPERT, now, s)
            action = "opened"
        elif escalation.climb_due(now, s.escalation_limits):
            _climb(uow, escalation, escalation.level + 1, now, s)
            action = "climbed"
        else:
            return False
        try:
            uow.escalations.save(escalation)
            record_escalation(uow, escalation, before, action, now)
            uow.commit()
        except (PreconditionFailed, KeyTaken):  # another replica took this step
            return False
    return True


def _open(
    uow: NotificationsUnitOfWork, escalation: Escalation, floor: int, now: datetime, s: Settings
) -> None:
    level = first_staffed_level(floor, _staffing(uow, escalation))
    escalation.open(level, now)
    _announce(uow, escalation, now, s, climbed=False)
    log.info("escalation.opened", escalation_id=escalation.id, level=level)


def _climb(
    uow: NotificationsUnitOfWork, escalation: Escalation, floor: int, now: datetime, s: Settings
) -> None:
    level = first_staffed_level(floor, _staffing(uow, escalation))
    escalation.climb_to(level, now)
    _announce(uow, escalation, now, s, climbed=True)
    log.info("escalation.climbed", escalation_id=escalation.id, level=level)


def _raise(
    uow: NotificationsUnitOfWork, escalation: Escalation, action: Open, now: datetime, s: Settings
) -> None:
    """A repeated trigger refreshes the details; a loan's worse bucket is announced again and
    lifts the escalation to the bucket's level."""
    before = escalation_values(escalation)
    worse = escalation.refresh(stored.to_json(action.params))
    if escalation.status == "open" and action.floor > escalation.level:
        _climb(uow, escalation, action.floor, now, s)
    elif worse and escalation.status in ("open", "acknowledged"):
        _announce(uow, escalation, now, s, climbed=False)
    uow.escalations.save(escalation)
    if escalation_values(escalation) != before:
        record_escalation(uow, escalation, before, "raised", now)


def _staffing(uow: NotificationsUnitOfWork, escalation: Escalation) -> list[bool]:
    return [bool(recipients_at(uow, escalation, level)) for level in range(TOP + 1)]


def recipients_at(uow: NotificationsUnitOfWork, escalation: Escalation, level: int) -> list[Person]:
    if level == Level.TEAM_EXPERT:
        team_id = escalation.team_id or (
            escalation.household_id and uow.directory.team_of_household(escalation.household_id)
        )
        team = uow.directory.team(team_id) if team_id else None
        people = uow.directory.people([team.expert]) if team and team.expert else []
        return [p for p in people if p.active]
    return uow.directory.holding_role_over(ROLE_OF_LEVEL[Level(level)], escalation.area_code)


def _announce(
    uow: NotificationsUnitOfWork,
    escalation: Escalation,
    now: datetime,
    s: Settings,
    *,
    climbed: bool,
) -> None:
    people = recipients_at(uow, escalation, escalation.level)
    uow.escalations.address(escalation.id, [p.person_id for p in people], escalation.level)
    step = f"esc:{escalation.id}:{escalation.level}:{escalation.details.get('bucket', '')}"
    message = Message(
        f"escalation.{escalation.kind}",
        escalation.subject_id,
        escalation.area_code,
        step,
        lambda language: escalation_texts(escalation, language, climbed=climbed),
        escalation_id=escalation.id,
        urgent=True,
    )
    if not people:
        log.warning(
            "escalation.nobody_to_tell", escalation_id=escalation.id, level=escalation.level
        )
    file_for(uow, people, message, now, s)


def escalation_texts(escalation: Escalation, language: str, *, climbed: bool) -> tuple[str, str]:
    title, body = render(
        f"escalation.{escalation.kind}", language, stored.from_json(escalation.details)
    )
    if not climbed:
        return title, body
    level = level_name(escalation.level, language)
    return render("escalation.climbed", language, {"level": level, "title": title, "body": body})


def _closed_message(escalation: Escalation, now: datetime) -> Message:
    def texts(language: str) -> tuple[str, str]:
        title, _ = escalation_texts(escalation, language, climbed=False)
        reasons = CLOSE_REASONS.get(escalation.closed_by_event or "", ("-", "-"))
        reason = reasons[0 if language == "th" else 1]
        return render(
            "escalation.closed", language, {"title": title, "closed_on": now, "reason": reason}
        )

    return Message(
        "escalation.closed",
        escalation.subject_id,
        escalation.area_code,
        f"esc:{escalation.id}:closed",
        texts,
        escalation_id=escalation.id,
        inbox_only=True,
    )
