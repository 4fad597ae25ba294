"""Sammachip before training: the sage survey (sages per village with their skills), the 4-day
lead-trainer courses, and the district's model household."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, read_json
from gateway.resources import body_object, expected_version, optional_version, with_etag
from gateway.routes.teams.base import PAGING, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import model_households as m
from services.teams.schemas import sage_survey as s

SAGE = "/api/v1/community-sages/<string:sage_id>"
COURSE = "/api/v1/lead-trainer-courses/<string:course_id>"
MODEL = "/api/v1/model-households/<string:district_code>/<string:fiscal_year>"


class SageSurveyRoutes(TeamsCalls):
    @api("POST", "/api/v1/community-sages", summary="Record a community sage of a village",
         body=s.SurveySage, responses={201: s.CommunitySageOut}, tags=TEAMS,
         operation="community_sages.survey")  # fmt: skip
    def survey_sage(self, request: Request, caller: Caller) -> Response:
        sage = self._teams("survey_sage", caller, read_json(request))
        return with_etag(sage, 201, f"/api/v1/community-sages/{sage['id']}")

    @api("GET", "/api/v1/community-sages", summary="Community sages the caller may see",
         query=s.ListSurveyed, responses={200: s.CommunitySagesPage}, tags=TEAMS,
         operation="community_sages.list")  # fmt: skip
    def list_sages(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_sages", caller, "area", *PAGING)

    @api("GET", SAGE, summary="One community sage", responses={200: s.CommunitySageOut}, tags=TEAMS,
         operation="community_sages.get")  # fmt: skip
    def get_sage(self, request: Request, sage_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_sage", caller, sage_id))

    @api("PUT", SAGE, summary="Change a sage's name, skills or phone (If-Match)",
         body=s.CommunitySageIn, responses={200: s.CommunitySageOut}, tags=TEAMS,
         operation="community_sages.change", if_match="required")  # fmt: skip
    def change_sage(self, request: Request, sage_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("change_sage", caller, sage_id, read_json(request), version))

    @api("POST", "/api/v1/lead-trainer-courses",
         summary="Record a 4-day lead-trainer course with its participants",
         body=s.RecordCourse, responses={201: s.LeadCourseOut}, tags=TEAMS,
         operation="lead_trainer_courses.record")  # fmt: skip
    def record_course(self, request: Request, caller: Caller) -> Response:
        course = self._teams("record_course", caller, read_json(request))
        return with_etag(course, 201, f"/api/v1/lead-trainer-courses/{course['id']}")

    @api("GET", "/api/v1/lead-trainer-courses", summary="Lead-trainer courses the caller may see",
         query=s.ListSurveyed, responses={200: s.LeadCoursesPage}, tags=TEAMS,
         operation="lead_trainer_courses.list")  # fmt: skip
    def list_courses(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_courses", caller, "area", *PAGING)

    @api("GET", COURSE, summary="One lead-trainer course", responses={200: s.LeadCourseOut},
         tags=TEAMS, operation="lead_trainer_courses.get")  # fmt: skip
    def get_course(self, request: Request, course_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_course", caller, course_id))

    @api("PUT", COURSE, summary="Change a course's dates, venue or participants (If-Match)",
         body=s.LeadCourseIn, responses={200: s.LeadCourseOut}, tags=TEAMS,
         operation="lead_trainer_courses.change", if_match="required")  # fmt: skip
    def change_course(self, request: Request, course_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        args = (course_id, read_json(request), version)
        return with_etag(self._teams("change_course", caller, *args))

    @api("PUT", MODEL,
         summary="Select the district's model household of the fiscal year, for its women's "
         "development committee (If-Match to replace the choice)",
         body=m.ModelHouseholdIn, path=m.ModelHouseholdPath,
         responses={200: m.ModelHouseholdOut, 201: m.ModelHouseholdOut}, tags=TEAMS,
         operation="model_households.select", if_match="optional", problems=(409,))  # fmt: skip
    def select_model_household(
        self, request: Request, district_code: str, fiscal_year: str, caller: Caller
    ) -> Response:
        key = {"district_code": district_code, "fiscal_year": fiscal_year}
        version = optional_version(request)
        args = (key, body_object(request), version)
        answer = self._teams("select_model_household", caller, *args)
        created = answer["created"]
        return with_etag(answer["model_household"], 201 if created else 200,
                         request.path if created else None)  # fmt: skip

    @api("GET", MODEL, summary="The district's model household of the fiscal year",
         path=m.ModelHouseholdPath, responses={200: m.ModelHouseholdOut}, tags=TEAMS,
         operation="model_households.get")  # fmt: skip
    def get_model_household(
        self, request: Request, district_code: str, fiscal_year: str, caller: Caller
    ) -> Response:
        key = {"district_code": district_code, "fiscal_year": fiscal_year}
        return with_etag(self._teams("get_model_household", caller, key))
