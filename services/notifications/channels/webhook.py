"""Signed webhooks (Standard Webhooks): webhook-id, webhook-timestamp and an HMAC-SHA256
signature over `id.timestamp.body` with the recipient's secret. The id stays the same on every
retry, so a receiver can drop duplicates."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import requests
from standardwebhooks import Webhook

from services.notifications.channels import DeliveryFailed, Outgoing
from services.notifications.settings import WebhookSettings


class WebhookSender:
    def __init__(self, settings: WebhookSettings) -> None:
        self.timeout = settings.timeout

    def send(self, outgoing: Outgoing) -> None:
        if not outgoing.address or not outgoing.webhook_secret:
            raise DeliveryFailed("webhook: no endpoint or secret")
        body = json.dumps(payload(outgoing), ensure_ascii=False)
        post_signed(
            outgoing.address, outgoing.webhook_secret, outgoing.delivery_id, body, self.timeout
        )


def post_signed(
    url: str, secret: str, message_id: str, body: str, timeout: float, channel: str = "webhook"
) -> None:
    """POST the body signed per Standard Webhooks; any answer but 2xx is a `DeliveryFailed`."""
    now = datetime.now(UTC)
    headers = {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, now, body),
    }
    try:
        response = requests.post(
            url, data=body.encode(), headers=headers, timeout=timeout, allow_redirects=False
        )
    except requests.Timeout:
        raise DeliveryFailed(f"{channel}: timed out") from None
    except requests.RequestException as exc:
        raise DeliveryFailed(f"{channel}: {type(exc).__name__}") from None
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"{channel}: HTTP {response.status_code}")


def payload(outgoing: Outgoing) -> dict[str, Any]:
    return {
        "type": f"notification.{outgoing.kind}",
        "timestamp": outgoing.created_at.isoformat(),
        "data": {
            "notification_id": outgoing.notification_id,
            "kind": outgoing.kind,
            "subject_id": outgoing.subject_id,
            "area_code": outgoing.area_code,
            "escalation_id": outgoing.escalation_id,
            "title": outgoing.title,
            "body": outgoing.body,
        },
    }
