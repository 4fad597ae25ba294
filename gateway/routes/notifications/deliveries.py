"""The delivery log (e-mail, LINE, webhooks) and replaying a parked delivery."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import page_response, query_of
from gateway.routes.notifications.base import NotificationsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.notifications.schemas.deliveries import DeliveryOut, ListDeliveries


class DeliveryRoutes(NotificationsCalls):
    @api(
        "GET",
        "/api/v1/deliveries",
        summary="The delivery log (e-mail, LINE, webhooks)",
        query=ListDeliveries,
        responses={200: page_of(DeliveryOut, "DeliveryPage")},
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
        responses={200: DeliveryOut},
        tags=("notifications",),
        operation="deliveries.replay",
    )
    def replay_delivery(self, request: Request, delivery_id: str, caller: Caller) -> Response:
        return json_response(self._notifications("replay_delivery", caller, delivery_id))
