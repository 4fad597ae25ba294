"""The sage survey (sages per village with their skills) and the lead-trainer courses: recorded
and changed by supervisors over the village or area, read by those who read the area."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from infra.caller import Caller
from infra.errors import Forbidden
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.sage_survey import SurveyFilter
from services.teams.domain import policy
from services.teams.domain.sage_survey import CommunitySage, LeadTrainerCourse, masked_phone
from services.teams.usecases.commands.sage_survey import (
    ChangeCourse,
    ChangeSage,
    ListSurvey,
    RecordCourse,
    SurveySage,
)
from services.teams.usecases.common import found

ONLY_SUPERVISORS = "only supervisors over the area record the sage survey and courses"


def survey_sage(
    uow: TeamsUnitOfWork, caller: Caller, command: SurveySage, now: datetime
) -> CommunitySage:
    if not policy.manages(caller, [command.village_code]):
        raise Forbidden(ONLY_SUPERVISORS)
    sage = CommunitySage.survey(
        command.village_code,
        command.name,
        list(command.skills),
        command.phone,
        command.surveyed_on,
        caller.person_id,
        now,
    )
    with uow:
        uow.sage_survey.add_sage(sage)
        uow.commit()
    return sage


def change_sage(
    uow: TeamsUnitOfWork,
    caller: Caller,
    sage_id: str,
    command: ChangeSage,
    expected_version: int | None,
) -> CommunitySage:
    with uow:
        sage = read_sage(uow, caller, sage_id)
        if not policy.manages(caller, [sage.village_code]):
            raise Forbidden(ONLY_SUPERVISORS)
        require_version(sage.version, expected_version, "sage")
        changed = sage.changed(command.name, list(command.skills), command.phone)
        uow.sage_survey.save_sage(changed)
        uow.commit()
    return changed


def read_sage(uow: TeamsUnitOfWork, caller: Caller, sage_id: str) -> CommunitySage:
    sage = uow.sage_survey.sage(sage_id)
    return found(sage, "sage", sage_id, lambda s: policy.reads_area(caller, [s.village_code]))


def shown(caller: Caller, sage: CommunitySage) -> CommunitySage:
    """The sage with the phone masked for a reader who does not manage the village."""
    if policy.manages(caller, [sage.village_code]):
        return sage
    return replace(sage, phone=masked_phone(sage.phone))


def get_sage(uow: TeamsUnitOfWork, caller: Caller, sage_id: str) -> CommunitySage:
    with uow:
        return shown(caller, read_sage(uow, caller, sage_id))


def list_sages(uow: TeamsUnitOfWork, caller: Caller, query: ListSurvey) -> Page[CommunitySage]:
    with uow:
        readable = policy.readable_areas(caller)
        where = SurveyFilter(query.area)
        found_page = uow.sage_survey.sages(readable, where, query.after, query.limit)
    return Page([shown(caller, s) for s in found_page.items], found_page.next)


def record_course(
    uow: TeamsUnitOfWork, caller: Caller, command: RecordCourse, now: datetime
) -> LeadTrainerCourse:
    if not policy.manages(caller, [command.area_code]):
        raise Forbidden(ONLY_SUPERVISORS)
    with uow:
        course = LeadTrainerCourse.record(
            command.area_code,
            command.title,
            command.venue,
            command.starts_on,
            command.ends_on,
            [(p, uow.people.get(p)) for p in command.participants],
            caller.person_id,
            now,
        )
        uow.sage_survey.add_course(course)
        uow.commit()
    return course


def change_course(
    uow: TeamsUnitOfWork,
    caller: Caller,
    course_id: str,
    command: ChangeCourse,
    expected_version: int | None,
) -> LeadTrainerCourse:
    with uow:
        course = read_course(uow, caller, course_id)
        if not policy.manages(caller, [course.area_code]):
            raise Forbidden(ONLY_SUPERVISORS)
        require_version(course.version, expected_version, "course")
        changed = course.changed(
            command.title,
            command.venue,
            command.starts_on,
            command.ends_on,
            [(p, uow.people.get(p)) for p in command.participants],
        )
        uow.sage_survey.save_course(changed)
        uow.commit()
    return changed


def read_course(uow: TeamsUnitOfWork, caller: Caller, course_id: str) -> LeadTrainerCourse:
    course = uow.sage_survey.course(course_id)
    return found(course, "course", course_id, lambda c: policy.reads_area(caller, [c.area_code]))


def get_course(uow: TeamsUnitOfWork, caller: Caller, course_id: str) -> LeadTrainerCourse:
    with uow:
        return read_course(uow, caller, course_id)


def list_courses(
    uow: TeamsUnitOfWork, caller: Caller, query: ListSurvey
) -> Page[LeadTrainerCourse]:
    with uow:
        readable = policy.readable_areas(caller)
        return uow.sage_survey.courses(readable, SurveyFilter(query.area), query.after, query.limit)
