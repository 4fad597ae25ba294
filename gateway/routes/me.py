"""The caller's own page: their record, unread notifications and open escalations, fetched in
parallel from teams and notifications (one round trip's time, not three)."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.routes.notifications.escalations import EscalationView
from infra.caller import Caller
from infra.fields import Integer
from infra.rpc import Calls
from services.teams.schemas import PersonOut


class Summary(Schema):
    person = fields.Nested(PersonOut)
    unread = Integer()
    open_escalations = fields.List(fields.Nested(EscalationView))


class MeRoutes:
    rpc: Calls

    @api(
        "GET",
        "/api/v1/me/summary",
        summary="The caller's record, unread count and open escalations addressed to them",
        responses={200: Summary},
        tags=("people",),
        operation="me.summary.get",
    )
    def my_summary(self, request: Request, caller: Caller) -> Response:
        me = caller.to_dict()
        person = self.rpc.start("teams", "get_person", me, caller.person_id)
        unread = self.rpc.start("notifications", "unread_count", me)
        escalations = self.rpc.start(
            "notifications",
            "list_escalations",
            me,
            {"mine": True, "status": ["open", "acknowledged"]},
        )
        return json_response(
            {
                "person": person.result(),
                "unread": unread.result()["unread"],
                "open_escalations": escalations.result()["items"],
            }
        )
