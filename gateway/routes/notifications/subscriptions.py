"""Outside systems' webhook subscriptions (administrators): registered, read, changed, removed, a
new secret; each one's delivery log and the replay of a parked delivery."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import body_object, expected_version, page_response, query_of, with_etag
from gateway.routes.notifications.base import NotificationsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.notifications.schemas.deliveries import DeliveryOut
from services.notifications.schemas.subscribers import (
    ListSubscriptionDeliveries,
    ListSubscriptions,
    SubscriptionChange,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionWithSecret,
)

SUBSCRIPTIONS = "/api/v1/subscriptions"
SUBSCRIPTION = SUBSCRIPTIONS + "/<string:subscription_id>"
TAGS = ("subscriptions",)


class SubscriptionRoutes(NotificationsCalls):
    @api(
        "POST",
        SUBSCRIPTIONS,
        summary="Register an outside system's webhook for event types and areas (administrators;"
        " the signing secret is shown this once)",
        body=SubscriptionIn,
        responses={201: SubscriptionWithSecret},
        tags=TAGS,
        operation="subscriptions.create",
    )
    def create_subscription(self, request: Request, caller: Caller) -> Response:
        made = self._notifications("create_subscription", caller, read_json(request))
        return with_etag(made, 201, f"/api/v1/subscriptions/{made['id']}")

    @api(
        "GET",
        SUBSCRIPTIONS,
        summary="Outside systems' subscriptions (administrators)",
        query=ListSubscriptions,
        responses={200: page_of(SubscriptionOut, "SubscriptionPage")},
        tags=TAGS,
        operation="subscriptions.list",
    )
    def list_subscriptions(self, request: Request, caller: Caller) -> Response:
        query = query_of(request, "after", "limit")
        return page_response(request, self._notifications("list_subscriptions", caller, query))

    @api(
        "GET",
        SUBSCRIPTION,
        summary="One subscription (administrators)",
        responses={200: SubscriptionOut},
        tags=TAGS,
        operation="subscriptions.get",
    )
    def get_subscription(self, request: Request, subscription_id: str, caller: Caller) -> Response:
        return with_etag(self._notifications("get_subscription", caller, subscription_id))

    @api(
        "PATCH",
        SUBSCRIPTION,
        summary="Change a subscription: endpoint, events, areas, personal data, active (If-Match)",
        body=SubscriptionChange,
        responses={200: SubscriptionOut},
        tags=TAGS,
        operation="subscriptions.change",
        if_match="required",
    )
    def change_subscription(
        self, request: Request, subscription_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        changed = self._notifications(
            "change_subscription", caller, subscription_id, body_object(request), version
        )
        return with_etag(changed)

    @api(
        "POST",
        SUBSCRIPTION + "/secret",
        summary="A new signing secret, shown this once; the old one stops signing (If-Match)",
        responses={200: SubscriptionWithSecret},
        tags=TAGS,
        operation="subscriptions.rotate_secret",
        if_match="required",
    )
    def rotate_subscription_secret(
        self, request: Request, subscription_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        return with_etag(
            self._notifications("rotate_subscription_secret", caller, subscription_id, version)
        )

    @api(
        "DELETE",
        SUBSCRIPTION,
        summary="Remove a subscription; deliveries not yet sent are dropped (administrators)",
        responses={204: None},
        tags=TAGS,
        operation="subscriptions.delete",
    )
    def delete_subscription(
        self, request: Request, subscription_id: str, caller: Caller
    ) -> Response:
        self._notifications("delete_subscription", caller, subscription_id)
        return Response(status=204)

    @api(
        "GET",
        SUBSCRIPTION + "/deliveries",
        summary="A subscription's delivery log (administrators)",
        query=ListSubscriptionDeliveries,
        responses={200: page_of(DeliveryOut, "SubscriptionDeliveryPage")},
        tags=TAGS,
        operation="subscriptions.deliveries.list",
    )
    def list_subscription_deliveries(
        self, request: Request, subscription_id: str, caller: Caller
    ) -> Response:
        query = query_of(request, "status", "after", "limit")
        found = self._notifications("list_subscription_deliveries", caller, subscription_id, query)
        return page_response(request, found)

    @api(
        "POST",
        SUBSCRIPTION + "/deliveries/<string:delivery_id>/replay",
        summary="Send a parked delivery of this subscription again (administrators)",
        responses={200: DeliveryOut},
        tags=TAGS,
        operation="subscriptions.deliveries.replay",
    )
    def replay_subscription_delivery(
        self, request: Request, subscription_id: str, delivery_id: str, caller: Caller
    ) -> Response:
        replayed = self._notifications(
            "replay_subscription_delivery", caller, subscription_id, delivery_id
        )
        return json_response(replayed)
