"""Sammachip around a cohort: households' willingness, the district's follow-ups before, during
and after training, and results 3 and 6 months on."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import COHORT, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import cohort_care as c
from services.teams.schemas.cohorts import CohortOut

FOLLOW_UP = COHORT + "/follow-ups/<string:follow_up_id>"


class CohortCareRoutes(TeamsCalls):
    @api(
        "PUT",
        COHORT + "/willingness/<string:household_id>",
        summary="Record whether a selected household wants to join; no: it leaves the cohort "
        "and is not enrolled again (If-Match: the cohort's)",
        body=c.WillingnessIn,
        responses={200: CohortOut},
        tags=TEAMS,
        operation="cohorts.willingness.record",
        if_match="required",
    )
    def record_willingness(
        self, request: Request, cohort_id: str, household_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        args = (cohort_id, household_id, read_json(request), version)
        return with_etag(self._teams("record_willingness", caller, *args))

    @api(
        "POST",
        COHORT + "/follow-ups",
        summary="Plan a follow-up before, during or after training (done_on: already done)",
        body=c.FollowUpIn,
        responses={201: c.FollowUpOut},
        tags=TEAMS,
        operation="cohorts.follow_ups.plan",
    )
    def plan_follow_up(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        follow_up = self._teams("plan_follow_up", caller, cohort_id, read_json(request))
        return with_etag(follow_up, 201)

    @api(
        "GET",
        FOLLOW_UP,
        summary="One follow-up of a cohort (its ETag for recording it done)",
        responses={200: c.FollowUpOut},
        tags=TEAMS,
        operation="cohorts.follow_ups.get",
    )
    def get_follow_up(
        self, request: Request, cohort_id: str, follow_up_id: str, caller: Caller
    ) -> Response:
        return with_etag(self._teams("get_follow_up", caller, cohort_id, follow_up_id))

    @api(
        "PUT",
        FOLLOW_UP + "/done",
        summary="Record a planned follow-up as done; closes its escalation (If-Match)",
        body=c.FollowUpDoneIn,
        responses={200: c.FollowUpOut},
        tags=TEAMS,
        operation="cohorts.follow_ups.done",
        if_match="required",
    )
    def follow_up_done(
        self, request: Request, cohort_id: str, follow_up_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        args = (cohort_id, follow_up_id, read_json(request), version)
        return with_etag(self._teams("record_follow_up_done", caller, *args))

    @api(
        "POST",
        COHORT + "/results",
        summary="Record a trained household's result 3 or 6 months on (a resend answers 200)",
        body=c.ResultIn,
        responses={201: c.ResultOut, 200: c.ResultOut},
        tags=TEAMS,
        operation="cohorts.results.record",
    )
    def record_result(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        found = self._teams("record_training_result", caller, cohort_id, read_json(request))
        return json_response(found["result"], 201 if found["created"] else 200)

    @api(
        "GET",
        COHORT + "/follow-through",
        summary="A cohort's willingness answers, follow-ups and results after training",
        responses={200: c.CohortCareOut},
        tags=TEAMS,
        operation="cohorts.follow_through.get",
    )
    def get_follow_through(self, request: Request, cohort_id: str, caller: Caller) -> Response:
        return json_response(self._teams("get_cohort_care", caller, cohort_id))
