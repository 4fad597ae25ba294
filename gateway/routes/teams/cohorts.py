"""Sammachip: training cohorts, sessions and attendance."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import (
    COHORT,
    PAGING,
    TEAMS,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import cohorts as c


class CohortRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/cohorts",
        summary="Open a training cohort of a village's households",
        body=c.OpenCohort,
        responses={201: c.CohortOut},
        tags=TEAMS,
        operation="cohorts.open",
    )
    def open_cohort(self, request: Request, caller: Caller) -> Response:
        cohort = self._teams("open_cohort", caller, read_json(request))
        return with_etag(cohort, 201, f"/api/v1/cohorts/{cohort['id']}")

    @api(
        "GET",
        "/api/v1/cohorts",
        summary="Training cohorts the caller may see",
        query=c.ListCohorts,
        responses={200: c.CohortsPage},
        tags=TEAMS,
        operation="cohorts.list",
    )
    def list_cohorts(self, request: Request, caller: Caller) -> Response:
        names = ("trainer_team_id", "area", "status", *PAGING)
        return self._page(request, "list_cohorts", caller, *names)

    @api(
        "GET",
        COHORT,
        summary="One cohort with its sessions and attendance",
        responses={200: c.CohortDetailOut},
        tags=TEAMS,
        operation="cohorts.get",
    )
    def get_cohort(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_cohort", caller, cohort_id))

    @api(
        "POST",
        COHORT + "/households",
        summary="Enrol more households (If-Match)",
        body=c.EnrolHouseholds,
        responses={200: c.CohortOut},
        tags=TEAMS,
        operation="cohorts.households.enrol",
        if_match="required",
    )
    def enrol_households(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        cohort = self._teams("enrol_households", caller, cohort_id, read_json(request), version)
        return with_etag(cohort)

    @api(
        "POST",
        COHORT + "/sessions",
        summary="Record a session (class, practice, study visit)",
        body=c.TrainingSessionIn,
        responses={201: c.TrainingSessionOut},
        tags=TEAMS,
        operation="cohorts.sessions.add",
    )
    def add_session(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        return json_response(self._teams("add_session", caller, cohort_id, read_json(request)), 201)

    @api(
        "PUT",
        COHORT + "/sessions/<string:session_id>/attendance",
        summary="Record who attended a session",
        body=c.AttendanceIn,
        responses={200: c.AttendanceOut},
        tags=TEAMS,
        operation="cohorts.sessions.attendance.record",
    )
    def record_attendance(
        self, request: Request, cohort_id: str, session_id: str, caller: Caller
    ) -> Response:
        marks = self._teams("record_attendance", caller, cohort_id, session_id, read_json(request))
        return json_response(marks)

    @api(
        "POST",
        COHORT + "/completion",
        summary="Complete the training; each household that finished is announced (If-Match)",
        body=c.CompleteCohort,
        responses={200: c.CohortOut},
        tags=TEAMS,
        operation="cohorts.complete",
        if_match="required",
    )
    def complete_cohort(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        cohort = self._teams("complete_cohort", caller, cohort_id, read_json(request), version)
        return with_etag(cohort)
