"""The caller's inbox and delivery preferences."""

from __future__ import annotations

from marshmallow import Schema, fields
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, page_response, query_of, with_etag
from gateway.routes.notifications.base import NotificationsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from infra.fields import Integer
from services.notifications.schemas.inbox import (
    ListInbox,
    NotificationOut,
    PreferencesOut,
    UpdatePreferences,
)

InboxPage = page_of(NotificationOut, "InboxPage", unread=Integer())


class PreferencesAnswer(PreferencesOut):
    webhook_secret = fields.String(metadata={"description": "shown once, when webhook_url changes"})


UnreadCount = Schema.from_dict({"unread": Integer()}, name="UnreadCount")
Marked = Schema.from_dict({"marked": Integer()}, name="Marked")


class InboxRoutes(NotificationsCalls):
    @api(
        "GET",
        "/api/v1/notifications",
        summary="The caller's inbox",
        query=ListInbox,
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
        responses={200: NotificationOut},
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
        responses={200: PreferencesOut},
        tags=("notifications",),
        operation="me.preferences.get",
    )
    def get_preferences(self, request: Request, caller: Caller) -> Response:
        return with_etag(self._notifications("get_preferences", caller))

    @api(
        "PUT",
        "/api/v1/me/preferences",
        summary="Change channels, quiet hours, language, digest or webhook (If-Match)",
        body=UpdatePreferences,
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
