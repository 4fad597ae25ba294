"""Replay: every published event since a cursor, for outside systems that missed webhooks."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.routes.notifications.base import NotificationsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.notifications.schemas.subscribers import EventOut, ListEvents


class EventRoutes(NotificationsCalls):
    @api(
        "GET",
        "/api/v1/events",
        summary="Published events after a cursor, oldest first (administrators): a subscription's"
        " types, areas and personal-data grant with `subscription_id`; kept for"
        " `event_retention_days`",
        query=ListEvents,
        responses={200: page_of(EventOut, "EventPage")},
        tags=("subscriptions",),
        operation="events.list",
        problems=(410,),  # a cursor older than the events kept
    )
    def list_events(self, request: Request, caller: Caller) -> Response:
        query: dict[str, Any] = query_of(request, "after", "limit", "area", "subscription_id")
        if "types" in request.args:
            query["types"] = request.args.getlist("types")
        return page_response(request, self._notifications("list_events", caller, query))
