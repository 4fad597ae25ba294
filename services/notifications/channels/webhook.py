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


class WebhookSender:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.timeout = float(settings.get("timeout_seconds", 10))

    def send(self, outgoing: Outgoing) -> None:
        if not outgoing.address or not outgoing.webhook_secret:
            raise DeliveryFailed("webhook: no endpoint or secret")
        body = json.dumps(payload(outgoing), ensure_ascii=False)
        now = datetime.now(UTC)
        headers = {
            "content-type": "application/json",
            "webhook-id": outgoing.delivery_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(outgoing.webhook_secret).sign(
                outgoing.delivery_id, now, body
            ),
        }
        try:
            response = requests.post(
                outgoing.address,
                data=body.encode(),
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.Timeout:
            raise DeliveryFailed("webhook: timed out") from None
        except requests.RequestException as exc:
            raise DeliveryFailed(f"webhook: {type(exc).__name__}") from None
        if not 200 <= response.status_code < 300:
            raise DeliveryFailed(f"webhook: HTTP {response.status_code}")


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
