"""The caller's inbox and preferences, escalations, and the delivery log (notifications service)."""

from __future__ import annotations

from typing import Any

from marshmallow import fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, page_response, query_of, with_etag
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from infra.rpc import Calls
from services.notifications import schemas as s

InboxPage = page_of(s.NotificationOut, "InboxPage", unread=Integer())


class EscalationView(s.EscalationOut):
    addressed_to = fields.List(fields.String())


class PreferencesAnswer(s.PreferencesOut):
    webhook_secret = fields.String(metadata={"description": "shown once, when webhook_url changes"})


UnreadCount = s.Schema.from_dict({"unread": Integer()}, name="UnreadCount")
Marked = s.Schema.from_dict({"marked": Integer()}, name="Marked")
ESCALATION = "/api/v1/escalations/<string:escalation_id>"


def _optional_version(request: Request) -> int | None:
    return expected_version(request) if "If-Match" in request.headers else None


class NotificationRoutes:
    rpc: Calls

    def _notifications(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("notifications", method, caller.to_dict(), *args)

    @api(
        "GET",
        "/api/v1/notifications",
        summary="The caller's inbox",
        query=s.ListInbox,
        responses={200: InboxPage},
        tags=("notifications",),
        operation="notifications.list",
    )
    def list_notifications(self, request: Request, caller: Caller) -> Response:
        query = query_of(request, "unread_only", "after", "limit", "recipient_id")
        return page_response(request, self._notifications("list_inbox", caller, query))

    @api(
        "GET",
        "/api/v1/notifications/unread-count",
        summary="How many are unread",
        responses={200: UnreadCount},
        tags=("notifications",),
        operation="notifications.unread_count",
    )
    def unread_count(self, request: Request, caller: Caller) -> Response:
        return json_response(self._notifications("unread_count", caller))

    @api(
        "POST",
        "/api/v1/notifications/<string:notification_id>/read",
        summary="Mark one read",
        responses={200: s.NotificationOut},
        tags=("notifications",),
        operation="notifications.mark_read",
    )
    def mark_read(self, request: Request, notification_id: str, caller: Caller) -> Response:
        return json_response(self._notifications("mark_read", caller, notification_id))

    @api(
        "POST",
        "/api/v1/notifications/read-all",
        summary="Mark the whole inbox read",
        responses={200: Marked},
        tags=("notifications",),
        operation="notifications.mark_all_read",
    )
    def mark_all_read(self, request: Request, caller: Caller) -> Response:
        return json_response(self._notifications("mark_all_read", caller))

    @api(
        "GET",
        "/api/v1/me/preferences",
        summary="How the caller wants to be told",
        responses={200: s.PreferencesOut},
        tags=("notifications",),
        operation="me.preferences.get",
    )
    def get_preferences(self, request: Request, caller: Caller) -> Response:
        return with_etag(self._notifications("get_preferences", caller))

    @api(
        "PUT",
        "/api/v1/me/preferences",
        summary="Change channels, quiet hours, language, digest or webhook (If-Match)",
        body=s.UpdatePreferences,
        responses={200: PreferencesAnswer},
        tags=("notifications",),
        operation="me.preferences.update",
        if_match="required",
    )
    def update_preferences(self, request: Request, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(
            self._notifications("update_preferences", caller, read_json(request), version)
        )

    @api(
        "GET",
        "/api/v1/escalations",
        summary="Escalations addressed to the caller or in their areas",
        query=s.ListEscalations,
        responses={200: page_of(EscalationView, "EscalationPage")},
        tags=("escalations",),
        operation="escalations.list",
    )
    def list_escalations(self, request: Request, caller: Caller) -> Response:
        query: dict[str, Any] = query_of(request, "kind", "area_code", "mine", "after", "limit")
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
                "acknowledge_escalation", caller, escalation_id, _optional_version(request)
            )
        )

    @api(
        "POST",
        ESCALATION + "/resolution",
        summary="Resolve, with a note",
        body=s.ResolveEscalation,
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
                _optional_version(request),
            )
        )

    @api(
        "GET",
        "/api/v1/deliveries",
        summary="The delivery log (e-mail, LINE, webhooks)",
        query=s.ListDeliveries,
        responses={200: page_of(s.DeliveryOut, "DeliveryPage")},
        tags=("notifications",),
        operation="deliveries.list",
    )
    def list_deliveries(self, request: Request, caller: Caller) -> Response:
        query = query_of(
            request, "status", "channel", "recipient_id", "notification_id", "after", "limit"
        )
        return page_response(request, self._notifications("list_deliveries", caller, query))

    @api(
        "POST",
        "/api/v1/deliveries/<string:delivery_id>/replay",
        summary="Send a parked delivery again (administrators)",
        responses={200: s.DeliveryOut},
        tags=("notifications",),
        operation="deliveries.replay",
    )
    def replay_delivery(self, request: Request, delivery_id: str, caller: Caller) -> Response:
        return json_response(self._notifications("replay_delivery", caller, delivery_id))
