"""The sage survey and the lead-trainer courses."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import sage_survey as s
from services.teams.usecases import sage_survey
from services.teams.usecases.commands import sage_survey as c

Payload = dict[str, Any]


class SageSurveyEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def survey_sage(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.SurveySage, load(s.SurveySage, payload))
        sage = sage_survey.survey_sage(self.uow, who(caller), command, now())
        return dump(s.CommunitySageOut, sage)

    @rpc
    def change_sage(
        self, caller: Payload, sage_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.ChangeSage, load(s.CommunitySageIn, payload))
        sage = sage_survey.change_sage(self.uow, who(caller), sage_id, command, expected_version)
        return dump(s.CommunitySageOut, sage)

    @rpc
    def get_sage(self, caller: Payload, sage_id: str) -> Payload:
        return dump(s.CommunitySageOut, sage_survey.get_sage(self.uow, who(caller), sage_id))

    @rpc
    def list_sages(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListSurvey, load(s.ListSurveyed, query))
        return listed(s.CommunitySageOut, sage_survey.list_sages(self.uow, who(caller), command))

    @rpc
    def record_course(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.RecordCourse, load(s.RecordCourse, payload))
        course = sage_survey.record_course(self.uow, who(caller), command, now())
        return dump(s.LeadCourseOut, course)

    @rpc
    def change_course(
        self, caller: Payload, course_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.ChangeCourse, load(s.LeadCourseIn, payload))
        course = sage_survey.change_course(
            self.uow, who(caller), course_id, command, expected_version
        )
        return dump(s.LeadCourseOut, course)

    @rpc
    def get_course(self, caller: Payload, course_id: str) -> Payload:
        return dump(s.LeadCourseOut, sage_survey.get_course(self.uow, who(caller), course_id))

    @rpc
    def list_courses(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListSurvey, load(s.ListSurveyed, query))
        return listed(s.LeadCourseOut, sage_survey.list_courses(self.uow, who(caller), command))
