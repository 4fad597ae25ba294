"""What the teams route modules share: calling the teams service, paths and tags."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request, Response

from gateway.resources import page_response, query_of
from infra.caller import Caller
from infra.rpc import Calls

TEAMS = ("teams",)
TEAM = "/api/v1/teams/<string:team_id>"
ASSIGNMENT = "/api/v1/assignments/<string:household_id>"
TRAINER_TEAM = "/api/v1/trainer-teams/<string:team_id>"
COHORT = "/api/v1/cohorts/<string:cohort_id>"
GROUP = "/api/v1/occupation-groups/<string:group_id>"
ORGANISATION = "/api/v1/support-organisations/<string:org_id>"
PLAN = "/api/v1/action-plans/<string:plan_id>"
PAGING = ("after", "limit")


class TeamsCalls:
    rpc: Calls

    def _teams(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("teams", method, caller.to_dict(), *args)

    def _page(self, request: Request, method: str, caller: Caller, *names: str) -> Response:
        return page_response(request, self._teams(method, caller, query_of(request, *names)))
