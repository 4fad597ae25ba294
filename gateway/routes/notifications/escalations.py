"""Escalations: listed, read, acknowledged and resolved."""

from __future__ import annotations

from typing import Any

from marshmallow import fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, read_json
from gateway.resources import optional_version, page_response, query_of, with_etag
from gateway.routes.notifications.base import NotificationsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.notifications.schemas.escalations import (
    EscalationOut,
    ListEscalations,
    ResolveEscalation,
)


class EscalationView(EscalationOut):
    addressed_to = fields.List(fields.String())


ESCALATION = "/api/v1/escalations/<string:escalation_id>"


class EscalationRoutes(NotificationsCalls):
    @api(
        "GET",
        "/api/v1/escalations",
        summary="Escalations addressed to the caller or in their areas",
        query=ListEscalations,
        responses={200: page_of(EscalationView, "EscalationPage")},
        tags=("escalations",),
        operation="escalations.list",
    )
    def list_escalations(self, request: Request, caller: Caller) -> Response:
        filters = ("kind", "area_code", "level", "mine", "after", "limit")
        query: dict[str, Any] = query_of(request, *filters)
        if "status" in request.args:
            query["status"] = request.args.getlist("status")
        return page_response(request, self._notifications("list_escalations", caller, query))

    @api(
        "GET",
        ESCALATION,
        summary="One escalation",
        responses={200: EscalationView},
        tags=("escalations",),
        operation="escalations.get",
    )
    def get_escalation(self, request: Request, escalation_id: str, caller: Caller) -> Response:
        return with_etag(self._notifications("get_escalation", caller, escalation_id))

    @api(
        "POST",
        ESCALATION + "/acknowledgement",
        summary="Acknowledge: it stops climbing",
        responses={200: EscalationView},
        tags=("escalations",),
        operation="escalations.acknowledge",
        if_match="optional",
    )
    def acknowledge_escalation(
        self, request: Request, escalation_id: str, caller: Caller
    ) -> Response:
        return with_etag(
            self._notifications(
                "acknowledge_escalation", caller, escalation_id, optional_version(request)
            )
        )

    @api(
        "POST",
        ESCALATION + "/resolution",
        summary="Resolve, with a note",
        body=ResolveEscalation,
        responses={200: EscalationView},
        tags=("escalations",),
        operation="escalations.resolve",
        if_match="optional",
    )
    def resolve_escalation(self, request: Request, escalation_id: str, caller: Caller) -> Response:
        return with_etag(
            self._notifications(
                "resolve_escalation",
                caller,
                escalation_id,
                read_json(request),
                optional_version(request),
            )
        )
